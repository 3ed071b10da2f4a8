import { randomBytes } from "node:crypto";
import { addToCart, checkOutToPaymentPage, signedInCustomer } from "./support/checkout";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { createTestProduct, latestOrderOf } from "./support/products";
import { savedAccount, savedState } from "./support/saved-state";

const reviewOf = async (orderId: string) =>
  (await sql<{ fraudReview: string | null; riskScore: number | null }>(`SELECT "fraudReview", "riskScore" FROM "Order" WHERE id = $1`, [orderId]))[0];

test.describe(() => {
  test.use({ storageState: savedState("support") });

  test("a payment the processor rates highest risk is held, shows in the review queue, and support approves it", async ({ browser, page }) => {
    const product = await createTestProduct({ name: "E2E Review Camera", priceMinor: 3900, stock: 5 });
    const [a = 0, b = 0] = randomBytes(2);
    const shopper = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "x-forwarded-for": `198.18.${a}.${b}` } });
    const shop = await shopper.newPage();
    const customer = await signedInCustomer(shop);
    await addToCart(shop, product.slug, 1);
    await checkOutToPaymentPage(shop);
    await shop.getByRole("button", { name: "Pay (high risk)" }).click();
    await expect(shop).toHaveURL(/\/checkout\/success\?order=/);
    await shopper.close();
    const order = (await latestOrderOf(customer.email))!;
    await expect.poll(() => reviewOf(order.id), { timeout: 20_000 }).toEqual({ fraudReview: "held", riskScore: 60 });

    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Fraud review" }).click();
    const row = page.getByRole("row").filter({ hasText: order.number });
    await expect(row).toContainText("60");
    await expect(row).toContainText("The payment processor rated the payment's risk highest.");
    await row.getByRole("link", { name: order.number }).click();

    await expect(page.getByRole("heading", { name: "Fraud review" })).toBeVisible();
    await expect(page.getByText(/Score 60: held for review/)).toBeVisible();
    await page.getByLabel("Why it is safe to ship").fill("Spoke with the customer; card holder confirmed.");
    await page.getByRole("button", { name: "Approve for fulfilment" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Approved: the order is released for packing" })).toBeVisible();
    await expect(page.getByText(/Score 60: approved by a reviewer/)).toBeVisible();

    expect(await reviewOf(order.id)).toEqual({ fraudReview: "released", riskScore: 60 });
    const audit = await sql<{ reason: string }>(
      `SELECT reason FROM "AuditEntry" WHERE action = 'order.review_approved' AND "targetId" = $1 AND "actorId" = (SELECT id FROM "User" WHERE email = $2)`,
      [order.id, savedAccount("support").email],
    );
    expect(audit).toEqual([{ reason: "Spoke with the customer; card holder confirmed." }]);
    await waitForMail({ to: customer.email, subject: new RegExp(`Order ${order.number} is being prepared`) });
  });
});
