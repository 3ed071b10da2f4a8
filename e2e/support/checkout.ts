import { expect, type Page } from "@playwright/test";
import { signIn } from "./accounts";
import { createAccounts } from "./seeded-accounts";

export async function addToCart(page: Page, slug: string, quantity: number) {
  await page.goto(`/products/${slug}`);
  await page.getByLabel("Quantity").fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("Added to your cart.");
}

/**
 * A new verified customer (written by e2e/support/create-accounts.ts), signed
 * in on `page` through the sign-in form: the customer's cart and orders are
 * the test's own. Sign-up and the mailed link have their own specs.
 */
export async function signedInCustomer(page: Page) {
  const [identity] = await createAccounts(["customer"]);
  await signIn(page, identity!);
  await expect(page).toHaveURL(/\/account$/);
  return identity!;
}

/** Checkout with a new address and express delivery, up to the test payment page. */
export async function checkOutToPaymentPage(page: Page, { beforeSubmit }: { beforeSubmit?: () => Promise<void> } = {}) {
  await page.goto("/checkout");
  await beforeSubmit?.();
  await page.getByLabel("Full name", { exact: true }).fill("Ada Shopper");
  await page.getByLabel("Street address", { exact: true }).fill("221 Baker Street");
  await page.getByLabel("Town or city", { exact: true }).fill("Springfield");
  await page.getByLabel("Postal code", { exact: true }).fill("62704");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("radio", { name: /Express/ }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(/\/test-gateway\/cs_test_/);
  await expect(page.getByRole("note")).toContainText("TEST PAYMENT PAGE");
}

/** Pays on the test payment page and waits until the webhook has marked the order paid. */
export async function payOnTestGateway(page: Page) {
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(/\/checkout\/success\?order=/);
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible({ timeout: 20_000 });
}
