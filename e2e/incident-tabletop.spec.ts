import { randomBytes } from "node:crypto";
import { signIn } from "./support/accounts";
import { sql } from "./support/database";
import { checkOutToPaymentPage } from "./support/checkout";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { createTestProduct } from "./support/products";
import { createAccounts } from "./support/seeded-accounts";
import { signInAsStaff } from "./support/staff";

/*
 * A tabletop exercise of docs/incident-response.md with the admin tools:
 * contain (lockdown), notify (breach notice), eradicate (end every customer
 * session), recover (unlock). Lockdown closes checkout shop-wide and ending
 * customer sessions signs every customer out, so this spec runs in its own
 * project after the others (playwright.config.ts, "tabletop").
 */
/** Opens the shop whatever a failed run left behind (the app follows within its 5 s cache). */
const reopenShop = () => sql(`UPDATE "LockdownState" SET active = false WHERE id = 'shop'`);
test.beforeAll(reopenShop);

/** The customer's cart holds one of the product (written directly: the cart has its own specs). */
async function fillCart(email: string, slug: string) {
  const cartId = `cart-${randomBytes(6).toString("hex")}`;
  await sql(`INSERT INTO "Cart" (id, "userId", "updatedAt") SELECT $1, id, now() FROM "User" WHERE email = $2`, [cartId, email]);
  await sql(`INSERT INTO "CartItem" (id, "cartId", "variantId", quantity, "updatedAt")
     SELECT $1, $2, v.id, 1, now() FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId" WHERE p.slug = $3 LIMIT 1`, [
    `item-${randomBytes(6).toString("hex")}`,
    cartId,
    slug,
  ]);
}
test.afterAll(reopenShop);

test("tabletop: lockdown, breach notice, customers signed out, unlock", async ({ page, browser }) => {
  const product = await createTestProduct({ name: "E2E Tabletop Kettle", priceMinor: 3000, stock: 5 });
  const [customer] = await createAccounts(["customer"]);
  await fillCart(customer!.email, product.slug);
  const shopper = await browser.newPage({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.18.250.7" } });
  // The shopper signs in while the owner does (a fresh sign-in proves the owner's second factor for step-up).
  await Promise.all([signIn(shopper, customer!).then(() => expect(shopper).toHaveURL(/\/account$/)), signInAsStaff(page, "owner")]);

  // Detect → contain: the owner turns lockdown on.
  await page.goto("/admin/security");
  await page.getByRole("link", { name: "Incident response tools" }).click();
  await expect(page.getByRole("heading", { name: "Incident response" })).toBeVisible();
  const lockdown = page.getByRole("form", { name: "Turn lockdown on" });
  await lockdown.getByLabel("Reason").fill("Tabletop: card testing on checkout");
  await lockdown.getByRole("button", { name: "Turn lockdown on" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lockdown is on" })).toBeVisible();

  await shopper.goto("/");
  await expect(shopper.getByRole("region", { name: "Shop paused" })).toContainText("paused for a security check");
  await shopper.goto("/checkout");
  await shopper.getByLabel("Full name", { exact: true }).fill("Ada Shopper");
  await shopper.getByLabel("Street address", { exact: true }).fill("221 Baker Street");
  await shopper.getByLabel("Town or city", { exact: true }).fill("Springfield");
  await shopper.getByLabel("Postal code", { exact: true }).fill("62704");
  await shopper.getByLabel("Country").selectOption("US");
  await shopper.getByRole("radio", { name: /Express/ }).check();
  await shopper.getByRole("button", { name: "Continue to payment" }).click();
  await expect(shopper.locator("#main").getByRole("alert")).toContainText("paused for a security check");
  await expect(shopper).toHaveURL(/\/checkout$/);

  // Notify: a breach notice to the customer, through the job queue to the test SMTP receiver.
  const since = new Date();
  const notice = page.getByRole("form", { name: "Breach notice" });
  await notice.getByLabel("Subject").fill("Security notice from {{shopName}}");
  await notice.getByLabel("Message").fill("Dear {{name}},\n\nWe are investigating unusual activity at checkout. Your card details were never stored here.");
  await notice.getByLabel("Send to").selectOption("list");
  await notice.getByLabel("Addresses").fill(customer!.email);
  await notice.getByLabel("Reason").fill("Tabletop: notify affected customers");
  await notice.getByRole("button", { name: "Preview" }).click();
  await expect(notice.getByRole("region", { name: "Preview" })).toContainText("Dear Alex Example,");
  await notice.getByRole("button", { name: "Send notice" }).click();
  await expect(notice.getByRole("status")).toContainText("queued for 1 recipient");
  const mail = await waitForMail({ to: customer!.email, subject: /Security notice from/, since, timeoutMs: 20_000 });
  expect(mail.text).toContain(`Dear ${customer!.name},`);

  // Eradicate: every customer session ends; the shopper's next page asks them to sign in.
  const sessions = page.getByRole("form", { name: "End sessions" });
  await sessions.getByLabel("Whose accounts").selectOption("customers");
  await sessions.getByLabel("Reason").fill("Tabletop: sign every customer out");
  await sessions.getByRole("button", { name: "End sessions" }).click();
  await expect(sessions.getByRole("status")).toContainText(/Ended \d+ session/);
  await shopper.goto("/account");
  await expect(shopper).toHaveURL(/\/sign-in/);

  // Recover: unlock; the customer signs in again and checks out.
  await page.reload();
  const unlock = page.getByRole("form", { name: "Turn lockdown off" });
  await unlock.getByLabel("Reason").fill("Tabletop: attack blocked, reopening");
  await unlock.getByRole("button", { name: "Turn lockdown off" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lockdown is off" })).toBeVisible();
  await signIn(shopper, customer!);
  await expect(shopper).toHaveURL(/\/account$/);
  await shopper.goto("/");
  await expect(shopper.getByRole("region", { name: "Shop paused" })).toHaveCount(0);
  await checkOutToPaymentPage(shopper);
  await shopper.close();
});
