import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { getDashboard } from "./dashboard";
import { orderFixtures, testAddress, testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";
import { placeOrder } from "@/lib/dal/orders/orders";
import { PermissionDeniedError } from "./permission";

requireTestDatabaseUrl();

const { createProduct, customer, staffMember, fillCart } = orderFixtures();

describe("admin dashboard", () => {
  it("counts today's paid orders and revenue, orders to ship and low stock", async () => {
    const owner = await staffMember("owner");
    const before = await getDashboard(owner);
    const buyer = await customer();
    const product = await createProduct({ stock: 2, priceMinor: 1000 });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 2 }]);
    const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
    await db.order.update({ where: { id: orderId }, data: { paymentStatus: "paid", capturedMinor: 2750 } });

    const after = await getDashboard(owner);
    expect(after.today.orders - before.today.orders).toBe(1);
    expect(after.today.revenue.amountMinor - before.today.revenue.amountMinor).toBe(2750);
    expect(after.awaitingFulfilment - before.awaitingFulfilment).toBe(1);
    // Sold out now: listed first, whatever else runs low in the shop.
    expect(after.lowStock.map((row) => row.name)).toContain(product.name);
    expect(after.daily).toHaveLength(14);
    expect(after.securityEvents).not.toBeNull();
  });

  it("shows security events and alerts only to roles with security:read", async () => {
    const dashboard = await getDashboard(await staffMember("catalog_manager"));
    expect(dashboard.securityEvents).toBeNull();
    expect(dashboard.alerts).toBeNull();
  });

  it("re-checks the permission itself (a role it does not know holds nothing)", async () => {
    const viewer = await staffMember("support");
    await expect(getDashboard({ ...viewer, role: "nobody" as "support" })).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
