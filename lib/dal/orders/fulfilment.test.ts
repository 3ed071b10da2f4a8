import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { FulfilmentError, markOrderDelivered, packOrder, shipOrder } from "./fulfilment";
import { placeOrder } from "./orders";
import { orderFixtures, queuedNotices, testAddress, testCheckoutSettings } from "./test-fixtures";

requireTestDatabaseUrl();

const { createProduct, customer, staffMember, fillCart } = orderFixtures();
const context = { ip: "192.0.2.93", userAgent: "vitest fulfilment", requestId: "req-fulfilment" };
const tracking = { carrier: "dhl", trackingNumber: "JD014600006281230001" } as const;

async function paidOrder(paid = true) {
  const buyer = await customer();
  const product = await createProduct({ stock: 6 });
  await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
  const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  if (paid) await db.order.update({ where: { id: orderId }, data: { paymentStatus: "paid", capturedMinor: 3000, paymentIntentId: `pi_test_${orderId}` } });
  return orderId;
}

const state = (orderId: string) =>
  db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { paymentStatus: true, fulfillmentStatus: true, shippingCarrier: true, trackingNumber: true, packedAt: true, shippedAt: true, deliveredAt: true },
  });
const audits = (orderId: string) => db.auditEntry.findMany({ where: { targetType: "order", targetId: orderId }, orderBy: { id: "asc" } });
const timeline = async (orderId: string) =>
  (await db.orderEvent.findMany({ where: { orderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((event) => event.type);

describe("fulfilment", () => {
  it("packs, ships with a carrier and tracking number, and marks delivered: audited, on the timeline, payment untouched", async () => {
    const orderId = await paidOrder();
    const fulfilment = await staffMember("fulfilment");
    expect(await packOrder(fulfilment, orderId, context)).toEqual({ ok: true });
    expect(await shipOrder(fulfilment, { orderId, ...tracking }, context)).toEqual({ ok: true });
    expect(await markOrderDelivered(fulfilment, orderId, context)).toEqual({ ok: true });
    const after = await state(orderId);
    expect(after).toMatchObject({ paymentStatus: "paid", fulfillmentStatus: "delivered", shippingCarrier: "dhl", trackingNumber: tracking.trackingNumber });
    expect(after.packedAt && after.shippedAt && after.deliveredAt).toBeTruthy();
    expect(await audits(orderId)).toMatchObject([
      { action: "order.packed", actorId: fulfilment.userId, before: { fulfillmentStatus: "unfulfilled" }, after: { fulfillmentStatus: "packed" } },
      { action: "order.shipped", before: { fulfillmentStatus: "packed" }, after: { fulfillmentStatus: "shipped", carrier: "dhl", trackingNumber: tracking.trackingNumber } },
      { action: "order.delivered", before: { fulfillmentStatus: "shipped" }, after: { fulfillmentStatus: "delivered" } },
    ]);
    expect(await timeline(orderId)).toEqual(["order.placed", "fulfillment.packed", "fulfillment.shipped", "fulfillment.delivered"]);
    // The customer hears of the parcel leaving (with its tracking) and arriving; packing is the shop's business.
    expect((await queuedNotices(orderId)).map((job) => job.notice)).toEqual([
      { kind: "shipped", ...tracking },
      { kind: "delivered" },
    ]);
  });

  it("a partial refund of a shipped order leaves it shipped", async () => {
    const orderId = await paidOrder();
    await shipOrder(await staffMember("fulfilment"), { orderId, ...tracking }, context);
    await db.order.update({ where: { id: orderId }, data: { paymentStatus: "partially_refunded", refundedMinor: 1000 } });
    expect(await state(orderId)).toMatchObject({ paymentStatus: "partially_refunded", fulfillmentStatus: "shipped" });
    // Shipping again is refused: the parcel has left.
    expect(await shipOrder(await staffMember("admin"), { orderId, ...tracking }, context)).toEqual({ ok: false, code: FulfilmentError.wrongState, status: "shipped" });
  });

  it("refuses to ship an unpaid order, skip to delivered, or ship twice, changing nothing", async () => {
    const fulfilment = await staffMember("fulfilment");
    const unpaid = await paidOrder(false);
    expect(await shipOrder(fulfilment, { orderId: unpaid, ...tracking }, context)).toEqual({ ok: false, code: FulfilmentError.wrongState, status: "unfulfilled" });
    const paid = await paidOrder();
    expect(await markOrderDelivered(fulfilment, paid, context)).toEqual({ ok: false, code: FulfilmentError.wrongState, status: "unfulfilled" });
    expect(await state(unpaid)).toMatchObject({ fulfillmentStatus: "unfulfilled", trackingNumber: null });
    expect(await audits(unpaid)).toEqual([]);
    expect(await queuedNotices(unpaid)).toEqual([]);
    expect(await packOrder(fulfilment, "no-such-order", context)).toEqual({ ok: false, code: FulfilmentError.notFound });
  });

  it.each(["<script>alert(1)</script>", "a", "x".repeat(41), "1Z 999\\nAA", " -12345"])("refuses the tracking number %j", async (trackingNumber) => {
    const orderId = await paidOrder();
    expect(await shipOrder(await staffMember("fulfilment"), { orderId, carrier: "ups", trackingNumber }, context)).toEqual({
      ok: false,
      code: FulfilmentError.invalidTracking,
    });
    expect(await state(orderId)).toMatchObject({ fulfillmentStatus: "unfulfilled", trackingNumber: null });
  });

  it("needs orders:fulfil", async () => {
    const orderId = await paidOrder();
    for (const role of ["support", "auditor", "catalog_manager"] as const) {
      await expect(shipOrder(await staffMember(role), { orderId, ...tracking }, context)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(packOrder(await staffMember(role), orderId, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect(await state(orderId)).toMatchObject({ fulfillmentStatus: "unfulfilled" });
  });
});
