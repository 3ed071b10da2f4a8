import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { cancelOrderForStaff, getOrderForStaff, listOrdersForStaff, OrderActionError } from "./staff-orders";
import { orderFixtures, testAddress, testCheckoutSettings } from "./test-fixtures";
import { placeOrder } from "./orders";
import { UNREADABLE_VALUE } from "@/lib/crypto/readable-field";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";

requireTestDatabaseUrl();

const { createProduct, customer, staffMember, fillCart, stockOf } = orderFixtures();
const context = { ip: "192.0.2.90", userAgent: "vitest admin orders", requestId: "req-admin-orders" };

async function order(status?: "paid") {
  const buyer = await customer();
  const product = await createProduct({ stock: 6 });
  await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 2 }]);
  const { orderId, number } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  if (status) await db.order.update({ where: { id: orderId }, data: { paymentStatus: status, capturedMinor: 6000, paymentIntentId: `pi_test_${orderId}` } });
  return { orderId, number, variantId: product.variantId, buyer };
}

const audits = (orderId: string) => db.auditEntry.findMany({ where: { targetType: "order", targetId: orderId }, orderBy: { id: "asc" } });

describe("orders in the admin", () => {
  it("lists the orders waiting for a parcel: paid or partly refunded, not shipped", async () => {
    const fulfilment = await staffMember("fulfilment");
    const from = new Date(Date.now() - 1000);
    const waiting = await order("paid");
    const unpaid = await order();
    const shipped = await order("paid");
    await db.order.update({ where: { id: shipped.orderId }, data: { fulfillmentStatus: "shipped" } });
    const partly = await order("paid");
    await db.order.update({ where: { id: partly.orderId }, data: { paymentStatus: "partially_refunded", fulfillmentStatus: "packed" } });
    const { orders } = await listOrdersForStaff(fulfilment, { toShip: true, from, page: 1 });
    const ids = new Set(orders.map((o) => o.id));
    expect(ids.has(waiting.orderId)).toBe(true);
    expect(ids.has(partly.orderId)).toBe(true);
    expect(ids.has(unpaid.orderId)).toBe(false);
    expect(ids.has(shipped.orderId)).toBe(false);
    // Oldest first: the customers who have waited longest are served first.
    expect(orders.map((o) => o.id).filter((id) => id === waiting.orderId || id === partly.orderId)).toEqual([waiting.orderId, partly.orderId]);
    expect(orders.find((o) => o.id === waiting.orderId)?.shippingMethod).toBe("Standard");
  });

  it("lists and shows orders with the customer and the address masked", async () => {
    const { orderId, number, buyer } = await order();
    const support = await staffMember("support");
    const { orders } = await listOrdersForStaff(support, { number, page: 1 });
    expect(orders.map((o) => o.id)).toEqual([orderId]);
    expect(orders[0]?.customer).not.toContain(buyer.user.email);
    expect(orders[0]?.customer).toContain("•");
    const detail = await getOrderForStaff(support, orderId);
    const shown = JSON.stringify(detail);
    for (const secret of [testAddress.line1, testAddress.recipientName, testAddress.postalCode, buyer.user.email]) expect(shown).not.toContain(secret);
    expect(detail?.shipTo?.country).toBe("US");
  });

  it("masks the shipping address as the staff customer view does, and shows a value that does not decrypt as the marker", async () => {
    const { orderId } = await order();
    const other = await order();
    const support = await staffMember("support");
    // One mask per field for every staff view (lib/dal/address-codec.ts): the town keeps its initial, the postal code nothing.
    expect((await getOrderForStaff(support, orderId))?.shipTo).toEqual({ name: "A••• S•••", lines: ["•••• Street", "S•••", "•••"], country: "US" });
    const foreign = await db.order.findUniqueOrThrow({ where: { id: other.orderId }, select: { shipLine1: true } });
    await db.order.update({ where: { id: orderId }, data: { shipLine1: foreign.shipLine1 } });
    expect((await getOrderForStaff(support, orderId))?.shipTo?.lines).toEqual([UNREADABLE_VALUE, "S•••", "•••"]);
  });

  it("cancels an unpaid order with a reason and releases its stock; a paid one is refused", async () => {
    const unpaid = await order();
    expect(await stockOf(unpaid.variantId)).toBe(4);
    const support = await staffMember("support");
    await cancelOrderForStaff(support, { orderId: unpaid.orderId, reason: "Customer asked by phone" }, null, context);
    expect(await stockOf(unpaid.variantId)).toBe(6);
    expect(await audits(unpaid.orderId)).toMatchObject([{ action: "order.cancelled", reason: "Customer asked by phone" }]);
    const timeline = await db.orderEvent.findMany({ where: { orderId: unpaid.orderId }, orderBy: { createdAt: "asc" } });
    expect(timeline.map((event) => [event.type, event.actor, event.staffId])).toEqual([
      ["order.placed", "customer", null],
      ["payment.cancelled", "staff", support.userId],
    ]);

    const paid = await order("paid");
    expect(await cancelOrderForStaff(support, { orderId: paid.orderId, reason: "Too late" }, null, context)).toEqual({
      ok: false,
      code: OrderActionError.notCancellable,
      status: "paid",
    });
    await expect(cancelOrderForStaff(await staffMember("catalog_manager"), { orderId: paid.orderId, reason: "x y z" }, null, context)).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
  });
});
