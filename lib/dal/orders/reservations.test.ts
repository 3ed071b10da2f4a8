import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { orderFixtures, testAddress, testCheckoutSettings } from "./test-fixtures";
import { expireReservation } from "./reservations";
import { placeOrder } from "./orders";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart, stockOf } = orderFixtures();

async function unpaidOrder() {
  const buyer = await customer();
  const product = await createProduct({ stock: 4 });
  await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 3 }]);
  const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  const { reservationExpiresAt } = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  return { orderId, variantId: product.variantId, after: new Date(reservationExpiresAt.getTime() + 1000) };
}

describe("reservation expiry", () => {
  it("cancels an unpaid order when its reservation ends and puts the stock back, once", async () => {
    const { orderId, variantId, after } = await unpaidOrder();
    expect(await stockOf(variantId)).toBe(1);
    expect(await expireReservation(orderId, after)).toEqual({ outcome: "cancelled", checkoutSessionId: null });
    expect(await expireReservation(orderId, after)).toEqual({ outcome: "kept" });
    expect(await stockOf(variantId)).toBe(4);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).paymentStatus).toBe("cancelled");
  });

  it("does nothing before the reservation ends", async () => {
    const { orderId, variantId } = await unpaidOrder();
    expect(await expireReservation(orderId)).toEqual({ outcome: "not_due" });
    expect(await stockOf(variantId)).toBe(1);
  });

  it("keeps a paid order's stock sold, and an order awaiting a delayed payment reserved", async () => {
    const paid = await unpaidOrder();
    await db.order.update({ where: { id: paid.orderId }, data: { paymentStatus: "paid" } });
    expect(await expireReservation(paid.orderId, paid.after)).toEqual({ outcome: "kept" });
    expect(await stockOf(paid.variantId)).toBe(1);

    const awaiting = await unpaidOrder();
    await db.order.update({ where: { id: awaiting.orderId }, data: { paymentIntentId: `pi_test_awaiting_${awaiting.orderId}` } });
    expect(await expireReservation(awaiting.orderId, awaiting.after)).toEqual({ outcome: "kept" });
    expect(await stockOf(awaiting.variantId)).toBe(1);
  });
});
