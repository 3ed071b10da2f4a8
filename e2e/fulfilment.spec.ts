import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { addToCart, checkOutToPaymentPage, payOnTestGateway, signedInCustomer } from "./support/checkout";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { extractLink, waitForMail } from "./support/mailbox";
import { createTestProduct, latestOrderOf } from "./support/products";
import { savedAccount, savedState } from "./support/saved-state";

const PHONE = "+1 555 0142";

/** A customer of the test's own pays for two units of a product of the test's own: the order waits to ship. */
async function paidOrder(browser: Browser, productName: string) {
  const product = await createTestProduct({ name: productName, priceMinor: 4200, stock: 5 });
  const [a = 0, b = 0] = randomBytes(2);
  // A context of its own, signed out (test.use's staff state would apply to it otherwise).
  const shopper = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "x-forwarded-for": `198.18.${a}.${b}` } });
  const page = await shopper.newPage();
  const customer = await signedInCustomer(page);
  await addToCart(page, product.slug, 2);
  await checkOutToPaymentPage(page, { beforeSubmit: () => page.getByLabel("Phone (optional)").fill(PHONE) });
  await payOnTestGateway(page);
  await shopper.close();
  const order = await latestOrderOf(customer.email);
  expect(order).toMatchObject({ paymentStatus: "paid", fulfillmentStatus: "unfulfilled" });
  return { ...order!, email: customer.email, sku: product.slug.toUpperCase() };
}

const addressViews = (orderId: string, email: string) =>
  sql<{ after: { view: string } }>(
    `SELECT after FROM "AuditEntry" WHERE action = 'order.address_viewed' AND "targetType" = 'order' AND "targetId" = $1
       AND "actorId" = (SELECT id FROM "User" WHERE email = $2) ORDER BY id`,
    [orderId, email],
  );

// One paid order, looked at by support first, then packed and shipped by fulfilment.
test.describe.serial("an order waiting to ship", () => {
  let order: Awaited<ReturnType<typeof paidOrder>>;
  test.beforeAll(async ({ browser }) => {
    order = await paidOrder(browser, "E2E Packing Lamp");
  });

  test.describe(() => {
    test.use({ storageState: savedState("support") });

    test("support sees the delivery address masked and is refused the packing slip", async ({ page }) => {
      const support = savedAccount("support");

      await page.goto(`/admin/orders/${order.id}`);
      await expect(page.getByRole("heading", { name: "Ship to (masked)" })).toBeVisible();
      await expect(page.getByText("221 Baker Street")).toHaveCount(0);
      await expect(page.getByText(PHONE)).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Packing slip" })).toHaveCount(0);

      await page.goto(`/admin/orders/${order.id}/packing-slip`);
      await expect(page).toHaveURL(/\/admin\?denied=orders%3Afulfil$/);
      await expect(page.getByText("221 Baker Street")).toHaveCount(0);
      const denied = await sql(
        `SELECT 1 FROM "AuditEntry" WHERE action = 'access.denied' AND outcome = 'denied' AND "targetId" = 'orders:fulfil'
           AND "actorId" = (SELECT id FROM "User" WHERE email = $1)`,
        [support.email],
      );
      expect(denied.length).toBeGreaterThan(0);
      expect(await addressViews(order.id, support.email)).toEqual([]);
    });
  });

  test.describe(() => {
    test.use({ storageState: savedState("fulfilment") });

    test("fulfilment opens To ship, sees where the parcel goes, prints the packing slip and ships it", async ({ page }) => {
      const fulfilment = savedAccount("fulfilment");

      await page.goto("/admin");
      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "To ship" }).click();
      await expect(page).toHaveURL(/\/admin\/orders\?show=to_ship$/);
      await expect(page.getByText(/waiting to ship, oldest first/)).toBeVisible();
      // Other tests' orders wait too: the queue is narrowed to this one by its number.
      await page.getByLabel("Order number").fill(order.number);
      await page.getByRole("button", { name: "Filter" }).click();
      await expect(page).toHaveURL(/show=to_ship/);
      await page.getByRole("link", { name: order.number }).click();

      const shipTo = page.getByRole("region", { name: "Ship to" });
      await expect(shipTo.getByText("Ada Shopper")).toBeVisible();
      await expect(shipTo.getByText("221 Baker Street")).toBeVisible();
      await expect(shipTo.getByText("Springfield 62704")).toBeVisible();
      await expect(shipTo.getByText(PHONE)).toBeVisible();
      expect(await addressViews(order.id, fulfilment.email)).toEqual([{ after: { view: "order_page" } }]);

      // The slip: address and lines, no prices; never cached.
      await shipTo.getByRole("link", { name: "Packing slip" }).click();
      await expect(page.getByRole("heading", { name: `Packing slip · Order ${order.number}` })).toBeVisible();
      const slip = page.getByRole("article");
      await expect(slip.getByText("221 Baker Street")).toBeVisible();
      // What to pick: the item, its SKU and how many.
      await expect(slip.getByRole("row", { name: `E2E Packing Lamp ${order.sku} 2` })).toBeVisible();
      await expect(slip).toContainText("Shipping method: Express");
      await expect(slip.getByRole("button", { name: "Print" })).toBeVisible();
      await expect(slip).not.toContainText("$");
      await expect(slip).not.toContainText("42.00");
      // Printed, the sheet is the slip alone: no shop header, admin navigation or button.
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("banner")).toBeHidden();
      await expect(page.getByRole("navigation", { name: "Admin" })).toBeHidden();
      await expect(slip.getByRole("button", { name: "Print" })).toBeHidden();
      await expect(slip.getByText("221 Baker Street")).toBeVisible();
      await page.emulateMedia({ media: null });
      const response = await page.request.get(`/admin/orders/${order.id}/packing-slip`);
      expect(response.headers()["cache-control"]).toContain("no-store");
      // Reloads and the slip within minutes of the page view make no further entry.
      expect(await addressViews(order.id, fulfilment.email)).toHaveLength(1);

      await page.getByRole("link", { name: "← Order" }).click();
      await page.getByLabel("Carrier").selectOption("ups");
      await page.getByLabel("Tracking number").fill("1Z999AA10123456784");
      await page.getByRole("button", { name: "Mark as shipped" }).click();
      await expect(page.getByText("Marked as shipped.")).toBeVisible();
      await expect(page.getByRole("link", { name: "1Z999AA10123456784" })).toHaveAttribute("href", /ups\.com.*1Z999AA10123456784/);
      await expect(page.getByRole("region", { name: "Timeline" }).getByText(/^Shipped · Staff$/)).toBeVisible();

      // The customer is mailed the carrier's tracking link and a link to their order.
      const mail = await waitForMail({ to: order.email, subject: /is on its way/, timeoutMs: 20_000 });
      expect(mail.text).toContain("1Z999AA10123456784");
      expect(mail.text).toMatch(/https:\/\/www\.ups\.com\/track\?tracknum=1Z999AA10123456784/);
      expect(extractLink(mail.text, `/account/orders/${order.id}`)).toBeTruthy();

      // Once the parcel has left, the address is masked again; the slip may still be printed.
      await expect(page.getByRole("heading", { name: "Ship to (masked)" })).toBeVisible();
      await expect(page.getByText("221 Baker Street")).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Packing slip" })).toBeVisible();
      expect(await sql(`SELECT "fulfillmentStatus" FROM "Order" WHERE id = $1`, [order.id])).toEqual([{ fulfillmentStatus: "shipped" }]);
    });
  });
});
