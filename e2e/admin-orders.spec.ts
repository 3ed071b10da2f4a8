import { addToCart, checkOutToPaymentPage, payOnTestGateway, signedInCustomer } from "./support/checkout";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { createTestProduct, latestOrderOf } from "./support/products";
import { signInAsStaff } from "./support/staff";
import { nextCode } from "./support/two-factor";

test("an owner ships a paid order with tracking, then refunds part of it after step-up: it stays shipped", async ({ page, browser }) => {
  const product = await createTestProduct({ name: "E2E Refund Blender", priceMinor: 5000, stock: 4 });
  const customer = await signedInCustomer(page);
  await addToCart(page, product.slug, 1);
  await checkOutToPaymentPage(page);
  await payOnTestGateway(page);
  const order = await latestOrderOf(customer.email);

  const staffContext = await browser.newContext();
  const admin = await staffContext.newPage();
  const owner = await signInAsStaff(admin, "owner");
  // The queue is oldest first and other tests' orders wait too: narrowed to this one by its number.
  await admin.goto(`/admin/orders?show=to_ship&number=${order!.number}`);
  await admin.getByRole("link", { name: order!.number }).click();
  await expect(admin.getByRole("heading", { name: `Order ${order!.number}` })).toBeVisible();
  await expect(admin.getByText(customer.email)).toHaveCount(0);

  // A tracking number that is not one is refused, and what was typed stays.
  await admin.getByLabel("Carrier").selectOption("ups");
  await admin.getByLabel("Tracking number").fill("<b>1Z</b>");
  await admin.getByRole("button", { name: "Mark as shipped" }).click();
  await expect(admin.getByText(/4 to 40 letters, digits/)).toBeVisible();
  await expect(admin.getByLabel("Tracking number")).toHaveValue("<b>1Z</b>");
  await expect(admin.getByLabel("Carrier")).toHaveValue("ups");
  await admin.getByLabel("Tracking number").fill("1Z999AA10123456784");
  await admin.getByRole("button", { name: "Mark as shipped" }).click();
  await expect(admin.getByText("Marked as shipped.")).toBeVisible();
  await expect(admin.getByRole("link", { name: "1Z999AA10123456784" })).toHaveAttribute("href", /ups\.com.*1Z999AA10123456784/);
  expect(await latestOrderOf(customer.email)).toMatchObject({ paymentStatus: "paid", fulfillmentStatus: "shipped" });

  // The sign-in was long ago, as far as the step-up window is concerned.
  await sql(`UPDATE "Session" SET "passwordVerifiedAt" = "passwordVerifiedAt" - interval '1 hour', "secondFactorVerifiedAt" = "secondFactorVerifiedAt" - interval '1 hour' WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [owner.email]);
  await admin.getByLabel("Amount to refund").fill("10.00");
  await admin.getByLabel("Reason for the refund").fill("Arrived scratched");
  await admin.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(admin).toHaveURL(/\/account\/confirm\?returnTo=%2Fadmin%2Forders%2F/);
  await admin.getByLabel("Authentication code").fill(nextCode(owner.secret));
  await admin.getByRole("button", { name: "Confirm" }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/orders/${order!.id}$`));

  // More than was paid is refused before the gateway is asked.
  await admin.getByLabel("Amount to refund").fill("9999.00");
  await admin.getByLabel("Reason for the refund").fill("Too much");
  await admin.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(admin.getByText(/Refund between 1 and \d+/)).toBeVisible();

  await admin.getByLabel("Amount to refund").fill("10.00");
  await admin.getByLabel("Reason for the refund").fill("Arrived scratched");
  await admin.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(admin.getByText("Refund requested.")).toBeVisible();
  // charge.refunded arrives from the gateway through the signed webhook; the parcel stays shipped.
  await expect.poll(async () => (await latestOrderOf(customer.email))?.paymentStatus, { timeout: 20_000 }).toBe("partially_refunded");
  expect((await latestOrderOf(customer.email))?.fulfillmentStatus).toBe("shipped");
  await admin.reload();
  await expect(admin.getByRole("button", { name: "Mark as shipped" })).toHaveCount(0);
  const timeline = admin.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Refund issued")).toBeVisible();
  // The staff timeline names who acted: "Shipped · Staff".
  await expect(timeline.getByText(/^Shipped · Staff$/)).toBeVisible();

  // The customer sees the tracking and the refund on their order, not the staff-only refund request.
  await page.goto(`/account/orders/${order!.id}`);
  await expect(page.getByRole("link", { name: "1Z999AA10123456784" })).toBeVisible();
  const customerTimeline = page.getByRole("region", { name: "Timeline" });
  await expect(customerTimeline.getByText("Refund issued")).toBeVisible();
  await expect(customerTimeline.getByText("Refund requested")).toHaveCount(0);
  await expect(customerTimeline.getByText("Arrived scratched")).toHaveCount(0);

  await admin.goto(`/admin/audit?targetType=order&targetId=${order!.id}`);
  await expect(admin.getByRole("cell", { name: "order.refund_requested" })).toBeVisible();
  await expect(admin.getByRole("cell", { name: "order.shipped" })).toBeVisible();
  await admin.getByRole("button", { name: "Verify integrity" }).click();
  await expect(admin.getByText(/The audit log is intact: \d+ entries verified\./)).toBeVisible();
  await staffContext.close();
});

test("support is refused the audit log, and the refusal is in the audit log", async ({ page }) => {
  const support = await signInAsStaff(page, "support");
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/admin\?denied=audit%3Aread$/);
  await expect(page.locator("main").getByRole("alert")).toContainText("The attempt was recorded.");
  const denied = await sql<{ action: string; outcome: string; targetId: string }>(
    `SELECT action, outcome, "targetId" FROM "AuditEntry" WHERE "actorId" = (SELECT id FROM "User" WHERE email = $1) AND outcome = 'denied'`,
    [support.email],
  );
  expect(denied).toEqual([{ action: "access.denied", outcome: "denied", targetId: "audit:read" }]);
  await page.goto("/admin/orders");
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
  await expect(page.getByLabel("Amount to refund")).toHaveCount(0);
});
