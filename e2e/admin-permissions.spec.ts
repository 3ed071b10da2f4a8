import { randomUUID } from "node:crypto";
import { can, type Permission, STAFF_ROLES } from "../lib/auth/permissions";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { savedState } from "./support/saved-state";

/**
 * The permission matrix in the browser: every admin page and route, as every
 * role, over HTTP with that role's real session. Allowed: 200. Refused: a
 * redirect to the dashboard naming the permission (and an audit entry, see
 * admin-orders.spec.ts). A customer gets 404 everywhere.
 */
async function fixtures() {
  const orderId = randomUUID();
  await sql(
    `INSERT INTO "Order" (id, number, currency, "subtotalMinor", "shippingMinor", "taxMinor", "totalMinor", "shippingMethod", "shipCountry", "reservationExpiresAt", "updatedAt")
     VALUES ($1, $2, 'USD', 1000, 0, 0, 1000, 'standard', 'US', now() + interval '30 minutes', now())`,
    [orderId, `ORD-${orderId.slice(0, 8).toUpperCase()}`],
  );
  const [product] = await sql<{ id: string }>(`SELECT id FROM "Product" ORDER BY slug LIMIT 1`);
  const customerId = randomUUID();
  await sql(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $1 || '@matrix.example.test', 'Matrix Customer', 'x', now())`, [customerId]);
  const [discount] = await sql<{ id: string }>(`SELECT id FROM "DiscountCode" WHERE code = 'WELCOME10'`);
  const [category] = await sql<{ id: string }>(`SELECT id FROM "Category" ORDER BY slug LIMIT 1`);
  return { orderId, productId: product?.id ?? "", customerId, discountId: discount?.id ?? "", categoryId: category?.id ?? "" };
}

function entryPoints(ids: { orderId: string; productId: string; customerId: string; discountId: string; categoryId: string }): [string, Permission][] {
  return [
    ["/admin", "dashboard:read"],
    ["/admin/orders", "orders:read"],
    [`/admin/orders/${ids.orderId}`, "orders:read"],
    [`/admin/orders/${ids.orderId}/packing-slip`, "orders:fulfil"],
    ["/admin/orders/review", "orders:review"],
    ["/admin/returns", "orders:returns"],
    ["/admin/products", "products:read"],
    ["/admin/products/new", "products:write"],
    ["/admin/products/import", "products:write"],
    ["/admin/products/export", "products:read"],
    [`/admin/products/${ids.productId}`, "products:read"],
    ["/admin/categories", "products:read"],
    ["/admin/categories/new", "products:write"],
    [`/admin/categories/${ids.categoryId}`, "products:read"],
    ["/admin/discounts", "discounts:read"],
    ["/admin/discounts/new", "discounts:manage"],
    [`/admin/discounts/${ids.discountId}`, "discounts:read"],
    ["/admin/shipping", "shipping:manage"],
    ["/admin/customers", "customers:read"],
    [`/admin/customers/${ids.customerId}`, "customers:read"],
    [`/admin/customers/${ids.customerId}/reveal`, "customers:reveal_pii"],
    ["/admin/staff", "staff:read"],
    ["/admin/audit", "audit:read"],
    ["/admin/audit/export", "audit:export"],
    ["/admin/security", "security:read"],
    ["/admin/notifications", "dashboard:read"],
    ["/admin/security/setup", "security:read"],
    ["/admin/security/incident", "security:manage"],
  ];
}

// Only GET requests: every role's saved session serves all of its tests.
for (const role of STAFF_ROLES) {
  test.describe(() => {
    test.use({ storageState: savedState(role) });
    test(`${role}: every admin page allows or refuses exactly as the permission table says`, async ({ page }) => {
      const ids = await fixtures();
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const [path, permission] of entryPoints(ids)) {
        const response = await page.request.get(path, { maxRedirects: 0 });
        const location = response.headers().location ?? "";
        const refused = [303, 307, 308].includes(response.status()) && location.includes(`/admin?denied=${encodeURIComponent(permission)}`);
        outcomes.push(`${path} ${response.status() === 200 ? "allowed" : refused ? "refused" : `unexpected ${response.status()} ${location}`}`);
        expected.push(`${path} ${can(role, permission) ? "allowed" : "refused"}`);
      }
      expect(outcomes).toEqual(expected);
    });
  });
}

test.describe(() => {
  test.use({ storageState: savedState("customer") });
  test("a customer gets 404 from every admin page", async ({ page }) => {
    const ids = await fixtures();
    for (const [path] of entryPoints(ids)) {
      expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
  });
});

test.describe(() => {
  test.use({ storageState: savedState("owner") });
  test("the owner's setup self-check lists every item with its state", async ({ page }) => {
    await page.goto("/admin/security/setup");
    await expect(page.getByRole("heading", { name: "Setup self-check" })).toBeVisible();
    const items = page.getByRole("list", { name: "Setup checks" }).getByRole("listitem");
    await expect(items).toHaveCount(11);
    // The e2e server runs the demo conveniences (test gateway, dev mailbox) on plain http: reported, not hidden.
    await expect(items.filter({ hasText: "Test payment gateway" })).toHaveAttribute("data-status", "fail");
    await expect(items.filter({ hasText: "Database role" })).not.toHaveAttribute("data-status", "ok");
    await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Self-check" })).toBeVisible();
  });
});
