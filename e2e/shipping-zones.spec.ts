import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addToCart } from "./support/checkout";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { createTestProduct } from "./support/products";
import { savedState } from "./support/saved-state";

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

// An administrator edits the shipping rates (shipping:manage).
test.use({ storageState: savedState("admin") });

test("staff edit a rate; a shopper in another zone sees only that zone's rates, its tax in the totals, and pays exactly the order's total", async ({ page, browser }) => {
  // Staff: the EU zone's express rate becomes 31.50, audited.
  await page.goto("/admin/shipping");
  const rate = page.getByRole("form", { name: "Rate EU Express (European Union)" });
  await rate.getByLabel("Price (USD)").fill("-3");
  await rate.getByRole("button", { name: "Save rate" }).click();
  await expect(rate.getByRole("alert")).toContainText("cannot be negative");
  await rate.getByLabel("Price (USD)").fill("31.50");
  await rate.getByRole("button", { name: "Save rate" }).click();
  await expect(rate.getByRole("status")).toHaveText("The rate was saved.");
  await expectNoAxeViolations(page);
  const [saved] = await sql<{ amountMinor: number; audited: number }>(
    `SELECT r."amountMinor", (SELECT count(*)::int FROM "AuditEntry" a WHERE a."targetId" = r.id AND a.action = 'shipping.rate_updated') AS audited
       FROM "ShippingRate" r WHERE r.name = 'EU Express'`,
  );
  expect(saved?.amountMinor).toBe(3150);
  expect(saved?.audited).toBeGreaterThan(0);

  // A 500 g product: the EU standard rate's first weight band.
  const product = await createTestProduct({ name: "E2E Zone Lamp", priceMinor: 4000, stock: 3, weightGrams: 500 });
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "x-forwarded-for": `198.18.${randomInt(256)}.${randomInt(256)}` } });
  const shopper = await context.newPage();
  await addToCart(shopper, product.slug, 1);
  await shopper.goto("/checkout/guest");
  const delivery = shopper.getByRole("group", { name: "Delivery" });

  // At home (US): the domestic rates, no tax line.
  await shopper.getByLabel("Country").selectOption("US");
  await expect(delivery.getByRole("radio")).toHaveCount(2);
  await expect(delivery.getByRole("radio", { name: /^Standard/ })).toBeVisible();
  await expect(shopper.getByTestId("order-tax")).toHaveCount(0);

  // Germany: only the EU zone's rates, and German VAT (19 %) on goods and shipping.
  await shopper.getByLabel("Country").selectOption("DE");
  await expect(delivery.getByRole("radio")).toHaveCount(2);
  await expect(delivery.getByRole("radio", { name: /^EU Standard/ })).toBeVisible();
  await expect(delivery.getByRole("radio", { name: /^Standard/ })).toHaveCount(0);
  await expect(delivery.getByText("$9.95")).toBeVisible(); // EU Standard, 0–2 kg
  await delivery.getByRole("radio", { name: /^EU Express/ }).check();
  await expect(shopper.getByText("Tax (19%)")).toBeVisible();
  await expect(shopper.getByTestId("order-tax")).toHaveText("$13.59"); // 19 % of 71.50 = 13.585
  await expect(shopper.getByTestId("order-total")).toHaveText("$85.09");
  await expectNoAxeViolations(shopper);

  await shopper.getByLabel("Email", { exact: true }).fill(`zone-${randomInt(1_000_000)}@example.test`);
  await shopper.getByLabel("Full name", { exact: true }).fill("Erika Muster");
  await shopper.getByLabel("Street address", { exact: true }).fill("Hauptstraße 1");
  await shopper.getByLabel("Town or city", { exact: true }).fill("Berlin");
  await shopper.getByLabel("Postal code", { exact: true }).fill("10115");
  await shopper.getByRole("button", { name: "Continue to payment" }).click();
  await expect(shopper).toHaveURL(/\/test-gateway\/cs_test_/);

  const [order] = await sql<{ shippingMethod: string; shippingMinor: number; taxMinor: number; taxRateBasisPoints: number; totalMinor: number; amountTotal: number }>(
    `SELECT o."shippingMethod", o."shippingMinor", o."taxMinor", o."taxRateBasisPoints", o."totalMinor", s."amountTotal"
       FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id JOIN "Product" p ON p.id = i."productId"
       JOIN "TestGatewaySession" s ON s."orderId" = o.id WHERE p.slug = $1`,
    [product.slug],
  );
  expect(order).toEqual({ shippingMethod: "EU Express", shippingMinor: 3150, taxMinor: 1359, taxRateBasisPoints: 1900, totalMinor: 8509, amountTotal: 8509 });
  await context.close();
});
