import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { cancelOrderForStaff, fulfilOrder, getOrderForStaff, listOrdersForStaff, OrderActionError } from "./staff-orders";
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
  await fillCart(buyer.userId, [{ productId: product.id, quantity: 2 }]);
  const { orderId, number } = await placeOrder(buyer, { shippingMethod: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  if (status) await db.order.update({ where: { id: orderId }, data: { status, capturedMinor: 6000, paymentIntentId: `pi_test_${orderId}` } });
  return { orderId, number, productId: product.id, buyer };
}

const audits = (orderId: string) => db.auditEntry.findMany({ where: { targetType: "order", targetId: orderId }, orderBy: { id: "asc" } });

describe("orders in the admin", () => {
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

  it("marks a paid order shipped, with an audit entry in the same change", async () => {
    const { orderId } = await order("paid");
    const fulfilment = await staffMember("fulfilment");
    await fulfilOrder(fulfilment, orderId, context);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("fulfilled");
    expect(await audits(orderId)).toMatchObject([
      { action: "order.fulfilled", actorId: fulfilment.userId, actorRole: "fulfilment", before: { status: "paid" }, after: { status: "fulfilled" }, requestId: "req-admin-orders" },
    ]);
  });

  it("refuses to ship an unpaid order, and a role without orders:fulfil, changing nothing", async () => {
    const { orderId } = await order();
    expect(await fulfilOrder(await staffMember("fulfilment"), orderId, context)).toEqual({ ok: false, code: OrderActionError.cannotShip, status: "pending_payment" });
    await expect(fulfilOrder(await staffMember("auditor"), orderId, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending_payment");
    expect(await audits(orderId)).toEqual([]);
  });

  it("cancels an unpaid order with a reason and releases its stock; a paid one is refused", async () => {
    const unpaid = await order();
    expect(await stockOf(unpaid.productId)).toBe(4);
    const support = await staffMember("support");
    await cancelOrderForStaff(support, { orderId: unpaid.orderId, reason: "Customer asked by phone" }, null, context);
    expect(await stockOf(unpaid.productId)).toBe(6);
    expect(await audits(unpaid.orderId)).toMatchObject([{ action: "order.cancelled", reason: "Customer asked by phone" }]);

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
