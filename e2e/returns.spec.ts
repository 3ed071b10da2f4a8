import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { createTestProduct } from "./support/products";
import { savedAccount, savedState } from "./support/saved-state";
import { signInAsStaff } from "./support/staff";
import { nextCode } from "./support/two-factor";

/**
 * A paid order of the customer, shipped two days ago, written straight into
 * the tables (checkout and shipping have their own specs), with the test
 * gateway's record of its payment so a refund goes through the processor and
 * comes back as charge.refunded like any other.
 */
async function shippedOrder(email: string, product: { slug: string; name: string }, quantity: number, priceMinor: number) {
  const orderId = randomUUID();
  const number = `ORD-R${randomBytes(4).toString("hex").toUpperCase()}`;
  const total = quantity * priceMinor;
  const paymentIntentId = `pi_test_${randomBytes(12).toString("hex")}`;
  await sql(
    `INSERT INTO "Order" (id, number, "userId", "paymentStatus", "fulfillmentStatus", currency, "subtotalMinor", "shippingMinor", "taxMinor", "totalMinor",
       "shippingMethod", "shipCountry", "reservationExpiresAt", "paymentIntentId", "capturedMinor", "paidAt", "shippedAt", "shippingCarrier", "trackingNumber", "updatedAt")
     SELECT $1, $2, id, 'paid', 'shipped', 'USD', $3, 0, 0, $3, 'standard', 'US', now(), $4, $3, now() - interval '3 days', now() - interval '2 days', 'ups', '1Z999AA10123456784', now()
       FROM "User" WHERE email = $5`,
    [orderId, number, total, paymentIntentId, email],
  );
  await sql(
    `INSERT INTO "OrderItem" (id, "orderId", "productId", "variantId", sku, "productName", "unitPriceMinor", quantity, "lineTotalMinor")
     SELECT $1, $2, p.id, v.id, v.sku, p.name, $3, $4, $5 FROM "Product" p JOIN "ProductVariant" v ON v."productId" = p.id WHERE p.slug = $6 LIMIT 1`,
    [randomUUID(), orderId, priceMinor, quantity, total, product.slug],
  );
  await sql(
    `INSERT INTO "TestGatewaySession" (id, "idempotencyKey", "orderId", "orderNumber", "paymentIntentId", "chargeId", currency, "amountTotal", "lineItems",
       "successUrl", "cancelUrl", status, "paymentStatus", "expiresAt")
     VALUES ($1, $1, $2, $3, $4, $5, 'USD', $6, $7, 'http://localhost/', 'http://localhost/', 'complete', 'paid', now())`,
    [`cs_test_${randomBytes(12).toString("hex")}`, orderId, number, paymentIntentId, `ch_test_${randomBytes(12).toString("hex")}`, total, JSON.stringify([{ name: product.name, unitAmountMinor: priceMinor, quantity }])],
  );
  return { id: orderId, number };
}

// The shared signed-in customer: each test's order is its own.
test.use({ storageState: savedState("customer") });

const returnsOf = (orderId: string) => sql<{ status: string }>(`SELECT status FROM "OrderReturn" WHERE "orderId" = $1`, [orderId]);

test("a customer returns a shipped item; staff approve, book it in and refund it after step-up; the customer sees it refunded", async ({ page, browser }) => {
  const product = await createTestProduct({ name: "E2E Return Lamp", priceMinor: 2500, stock: 5 });
  const order = await shippedOrder(savedAccount("customer").email, product, 2, 2500);

  await page.goto(`/account/orders/${order.id}`);
  const returns = page.getByRole("region", { name: "Returns" });
  await returns.getByLabel(`Items of ${product.name} to return`).fill("1");
  await returns.getByLabel("Why are you returning them?").fill("The shade is cracked");
  await returns.getByRole("button", { name: "Request return" }).click();
  await expect(returns.getByRole("status")).toContainText("Return requested.");
  await expect(returns.getByText("Return of 1 item · Requested")).toBeVisible();

  // A context of its own, without the customer's saved sign-in.
  const staffContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const admin = await staffContext.newPage();
  const staff = await signInAsStaff(admin, "admin");
  await admin.goto("/admin/returns");
  await admin.getByRole("link", { name: order.number }).click();
  await expect(admin.getByText("Customer's reason: “The shade is cracked”")).toBeVisible();
  await admin.getByRole("button", { name: "Approve return" }).click();
  await expect(admin.getByText("Return approved.")).toBeVisible();
  await admin.getByRole("button", { name: "Mark return received" }).click();
  await expect(admin.getByText("Return marked as received.")).toBeVisible();
  expect((await returnsOf(order.id)).map((row) => row.status)).toEqual(["received"]);

  // The refund is prefilled with what the returned unit cost, and asks for the second factor again.
  await sql(`UPDATE "Session" SET "passwordVerifiedAt" = "passwordVerifiedAt" - interval '1 hour', "secondFactorVerifiedAt" = "secondFactorVerifiedAt" - interval '1 hour' WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [staff.email]);
  await expect(admin.getByLabel("Amount to refund for the return")).toHaveValue("25.00");
  await admin.getByRole("button", { name: "Refund return" }).click();
  await expect(admin).toHaveURL(/\/account\/confirm\?returnTo=%2Fadmin%2Forders%2F/);
  await admin.getByLabel("Authentication code").fill(nextCode(staff.secret));
  await admin.getByRole("button", { name: "Confirm" }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/orders/${order.id}$`));
  await admin.getByRole("button", { name: "Refund return" }).click();
  await expect(admin.getByText("Refund requested. The return shows refunded")).toBeVisible();
  await staffContext.close();

  // charge.refunded comes back from the gateway through the signed webhook.
  await expect.poll(async () => (await returnsOf(order.id)).map((row) => row.status), { timeout: 15_000 }).toEqual(["refunded"]);
  await page.reload();
  await expect(page.getByRole("region", { name: "Returns" }).getByText("Return of 1 item · Refunded")).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Return refunded")).toBeVisible();
  await expect(timeline.getByText("Return approved")).toBeVisible();
  // The customer's own reason stays on the return, not on the timeline.
  await expect(timeline.getByText("The shade is cracked")).toHaveCount(0);
});

test("a return of more items than are left is refused with its message, keeping what was typed", async ({ page }) => {
  const product = await createTestProduct({ name: "E2E Return Kettle", priceMinor: 1800, stock: 5 });
  const order = await shippedOrder(savedAccount("customer").email, product, 1, 1800);
  await page.goto(`/account/orders/${order.id}`);
  const returns = page.getByRole("region", { name: "Returns" });
  await expect(returns.getByText("Up to 1 ")).toBeVisible();

  // Meanwhile the unit was asked back already (another tab): the page offering it is out of date.
  const returnId = randomUUID();
  await sql(`INSERT INTO "OrderReturn" (id, "orderId", reason, "updatedAt") VALUES ($1, $2, 'From another tab', now())`, [returnId, order.id]);
  await sql(`INSERT INTO "OrderReturnLine" (id, "returnId", "orderItemId", quantity) SELECT $1, $2, id, 1 FROM "OrderItem" WHERE "orderId" = $3`, [randomUUID(), returnId, order.id]);

  await returns.getByLabel(`Items of ${product.name} to return`).fill("1");
  await returns.getByLabel("Why are you returning them?").fill("Too loud");
  await returns.getByRole("button", { name: "Request return" }).click();
  await expect(returns.getByRole("alert").first()).toContainText("You asked to return more items than were shipped or are not already being returned.");
  await expect(returns.getByText("At most 0 can be returned.")).toBeVisible();
  await expect(returns.getByLabel("Why are you returning them?")).toHaveValue("Too loud");
  expect(await returnsOf(order.id)).toHaveLength(1);
});
