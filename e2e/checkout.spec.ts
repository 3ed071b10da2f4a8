import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import Stripe from "stripe";
import { addToCart, checkOutToPaymentPage, signedInCustomer } from "./support/checkout";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { createTestProduct, latestOrderOf, stockOf } from "./support/products";

const header = (page: Page) => page.getByRole("navigation", { name: "Account and cart" });
const WEBHOOK_SECRET = "whsec_e2e_only_webhook_secret_never_in_prod"; // playwright.config.ts

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test("guest cart → sign in (merge) → checkout → the test gateway pays → paid order", async ({ page }) => {
  const product = await createTestProduct({ name: "E2E Paid Speaker", priceMinor: 4000, stock: 5 });
  await addToCart(page, product.slug, 2);
  await expect(header(page).getByRole("link", { name: "Cart, 2 items" })).toBeVisible();

  const identity = await signedInCustomer(page);
  await expect(header(page).getByRole("link", { name: "Cart, 2 items" })).toBeVisible(); // merged into the account's cart

  await checkOutToPaymentPage(page, { beforeSubmit: () => expectNoAxeViolations(page) });
  await expectNoAxeViolations(page);
  // 2 × 40.00 + 14.95 express shipping, priced on the server.
  await expect(page.getByText("$94.95")).toBeVisible();
  expect(await stockOf(product.slug)).toBe(3); // reserved while the order awaits payment
  await expect(page.getByLabel(/card/i)).toHaveCount(0); // no card fields, ever

  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(/\/checkout\/success\?order=/);
  // The page only shows what the webhook recorded: it turns to "paid" once the signed event is processed.
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/^Payment received for order ORD-/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload(); // charge.succeeded (card brand and last four) follows the payment event
  await expect(page.getByText(/ending in 4242/)).toBeVisible();

  const order = await latestOrderOf(identity.email);
  expect(order).toMatchObject({ paymentStatus: "paid", fulfillmentStatus: "unfulfilled", totalMinor: 9495 });
  await page.goto("/account/orders");
  const listed = page.getByRole("list", { name: "Orders" }).getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(`Order ${order!.number}`);
  await expect(listed).toContainText("Paid");
  await listed.getByRole("link", { name: `Order ${order!.number}` }).click();
  await expect(page.getByText("221 Baker Street")).toBeVisible();
  expect(await stockOf(product.slug)).toBe(3);

  const mail = await waitForMail({ to: identity.email, subject: new RegExp(`Order ${order!.number} confirmed`) });
  expect(mail.text).toContain("2 × E2E Paid Speaker: $80.00");
  expect(mail.text).not.toContain("Baker Street");
});

test("a declined payment ends the order as failed and releases its stock", async ({ page }) => {
  const product = await createTestProduct({ name: "E2E Declined Lamp", priceMinor: 2500, stock: 4 });
  const identity = await signedInCustomer(page);
  await addToCart(page, product.slug, 3);
  await checkOutToPaymentPage(page);
  expect(await stockOf(product.slug)).toBe(1);

  await page.getByRole("button", { name: "Decline", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Payment not completed" })).toBeVisible({ timeout: 20_000 });
  expect(await stockOf(product.slug)).toBe(4);
  expect((await latestOrderOf(identity.email))?.paymentStatus).toBe("failed");
});

test("an abandoned payment cancels the order and releases its stock", async ({ page }) => {
  const product = await createTestProduct({ name: "E2E Abandoned Chair", priceMinor: 9900, stock: 2 });
  const identity = await signedInCustomer(page);
  await addToCart(page, product.slug, 2);
  await checkOutToPaymentPage(page);
  expect(await stockOf(product.slug)).toBe(0);

  await page.getByRole("button", { name: "Abandon", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/orders\/[\w-]+\?payment=cancelled/);
  await expect.poll(() => stockOf(product.slug), { timeout: 20_000 }).toBe(2);
  await expect.poll(async () => (await latestOrderOf(identity.email))?.paymentStatus, { timeout: 5_000 }).toBe("cancelled");
  await page.reload();
  await expect(page.getByText("Payment: Cancelled")).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" }).getByText("Order cancelled")).toBeVisible();
  await expect(page.getByRole("button", { name: "Pay now" })).toHaveCount(0);
});

test("the webhook refuses forged, stale and unsigned deliveries, and holds a payment that does not match", async ({ page, request }) => {
  const product = await createTestProduct({ name: "E2E Webhook Kettle", priceMinor: 3000, stock: 3 });
  const identity = await signedInCustomer(page);
  await addToCart(page, product.slug, 1);
  await checkOutToPaymentPage(page);
  const order = await latestOrderOf(identity.email);
  const event = (amountTotal: number) =>
    JSON.stringify({
      id: `evt_e2e_${Date.now()}${Math.floor(Math.random() * 1e6)}`,
      object: "event",
      type: "checkout.session.completed",
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: {
        object: {
          object: "checkout.session",
          id: "cs_test_forged_by_the_e2e_suite",
          client_reference_id: order!.id,
          metadata: { orderId: order!.id },
          amount_total: amountTotal,
          currency: "usd",
          payment_status: "paid",
          payment_intent: `pi_e2e_${Date.now()}`,
        },
      },
    });
  const post = (payload: string, signature?: string) =>
    request.post("/api/webhooks/stripe", {
      data: payload,
      headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
    });
  const sign = (payload: string, secret: string, timestamp?: number) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });

  const forged = event(order!.totalMinor);
  expect((await post(forged)).status()).toBe(400);
  expect((await post(forged, sign(forged, "whsec_an_attackers_guess"))).status()).toBe(400);
  expect((await post(forged, sign(forged, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3600))).status()).toBe(400);
  expect((await post("{not json", sign("{not json", WEBHOOK_SECRET))).status()).toBe(400);
  expect((await latestOrderOf(identity.email))?.paymentStatus).toBe("pending");

  // Correctly signed, but paying less than the order's total: on hold, not paid.
  const short = event(100);
  const response = await post(short, sign(short, WEBHOOK_SECRET));
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ outcome: "held" });
  expect((await post(short, sign(short, WEBHOOK_SECRET))).status()).toBe(200); // a redelivery changes nothing more
  expect((await latestOrderOf(identity.email))?.paymentStatus).toBe("on_hold");
});

test("another customer's order is a 404", async ({ page, browser }) => {
  const product = await createTestProduct({ name: "E2E Private Mug", priceMinor: 1200, stock: 3 });
  const owner = await signedInCustomer(page);
  await addToCart(page, product.slug, 1);
  await checkOutToPaymentPage(page);
  const order = await latestOrderOf(owner.email);

  const context = await browser.newContext();
  const other = await context.newPage();
  await signedInCustomer(other);
  const response = await other.goto(`/account/orders/${order!.id}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByText("Private Mug")).toHaveCount(0);
  const success = await other.goto(`/checkout/success?order=${order!.id}`);
  expect(success?.status()).toBe(404);
  await context.close();
});
