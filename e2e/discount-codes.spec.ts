import { randomBytes } from "node:crypto";
import { addToCart, checkOutToPaymentPage, payOnTestGateway, signedInCustomer } from "./support/checkout";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { createTestProduct, latestOrderOf } from "./support/products";

const discountField = (page: import("@playwright/test").Page) => page.getByLabel("Discount code");

test("apply WELCOME10 at checkout, pay, and the discount reaches the totals, the gateway and the paid order", async ({ page }) => {
  const product = await createTestProduct({ name: "E2E Discount Speaker", priceMinor: 4000, stock: 5 });
  const identity = await signedInCustomer(page);
  await addToCart(page, product.slug, 2);
  await page.goto("/checkout");

  // Typed in lower case: codes are case-insensitive.
  await discountField(page).fill("welcome10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("applied-discount")).toContainText("WELCOME10");
  await page.getByRole("radio", { name: /Express/ }).check();
  // 2 × 40.00 − 10 % + 14.95 express, computed on the server.
  await expect(page.getByTestId("order-discount")).toHaveText("−$8.00");
  await expect(page.getByTestId("order-total")).toHaveText("$86.95");

  await checkOutToPaymentPage(page);
  // The gateway boundary: full-price lines, the coupon, and a total equal to the order's.
  await expect(page.getByTestId("gateway-discount")).toContainText("Discount WELCOME10");
  await expect(page.getByTestId("gateway-discount")).toContainText("$8.00");
  await expect(page.getByText("$86.95")).toBeVisible();
  const order = await latestOrderOf(identity.email);
  const [session] = await sql<{ amountTotal: number; amountDiscount: number; lineItems: { unitAmountMinor: number; quantity: number }[] }>(
    `SELECT "amountTotal", "amountDiscount", "lineItems" FROM "TestGatewaySession" WHERE "orderId" = $1`,
    [order!.id],
  );
  expect(session).toMatchObject({ amountTotal: 8695, amountDiscount: 800 });
  expect(session!.lineItems.reduce((sum, line) => sum + line.unitAmountMinor * line.quantity, 0)).toBe(9495);

  await payOnTestGateway(page);
  const [paid] = await sql<{ paymentStatus: string; discountMinor: number; totalMinor: number; capturedMinor: number; use: string }>(
    `SELECT o."paymentStatus", o."discountMinor", o."totalMinor", o."capturedMinor", r.status AS use
       FROM "Order" o JOIN "DiscountRedemption" r ON r."orderId" = o.id WHERE o.id = $1`,
    [order!.id],
  );
  expect(paid).toEqual({ paymentStatus: "paid", discountMinor: 800, totalMinor: 8695, capturedMinor: 8695, use: "redeemed" });

  await page.goto(`/account/orders/${order!.id}`);
  await expect(page.getByTestId("order-discount")).toHaveText("−$8.00");
  const mail = await waitForMail({ to: identity.email, subject: new RegExp(`Order ${order!.number} confirmed`) });
  expect(mail.text).toContain("Discount: −$8.00");
  expect(mail.text).toContain("Total paid: $86.95");
});

test("an unknown or expired code is refused with a clear message and the totals stay whole", async ({ page }) => {
  const expired = `E2EOLD${randomBytes(4).toString("hex").toUpperCase()}`;
  await sql(
    `INSERT INTO "DiscountCode" (id, code, kind, "percentOff", currency, "startsAt", "endsAt", "updatedAt")
     VALUES ($1, $2, 'percentage', 50, 'USD', now() - interval '2 days', now() - interval '1 day', now())`,
    [`e2e-${expired.toLowerCase()}`, expired],
  );
  const product = await createTestProduct({ name: "E2E Undiscounted Lamp", priceMinor: 2500, stock: 5 });
  await signedInCustomer(page);
  await addToCart(page, product.slug, 1);
  await page.goto("/checkout");

  await discountField(page).fill("NOT-A-REAL-CODE");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("That discount code is not valid. Check it and try again.")).toBeVisible();
  await expect(discountField(page)).toHaveValue("NOT-A-REAL-CODE");

  await discountField(page).fill(expired.toLowerCase());
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("That discount code has expired.")).toBeVisible();
  await expect(page.getByTestId("order-discount")).toHaveCount(0);
  await expect(page.getByTestId("applied-discount")).toHaveCount(0);
});
