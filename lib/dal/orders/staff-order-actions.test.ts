import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { FULFILLMENT_STATUSES, type FulfillmentStatus } from "@/lib/orders/fulfillment-status";
import { PAYMENT_STATUSES, type PaymentStatus } from "@/lib/orders/payment-status";
import { requestRefund } from "@/lib/dal/payments/refunds";
import { markOrderDelivered, packOrder, shipOrder } from "./fulfilment";
import { cancelOrderForStaff, getOrderForStaff } from "./staff-orders";
import { getDeliveryAddressForFulfilment } from "./delivery-address";
import { getPackingSlip } from "./packing-slip";
import { orderFixtures, refundingGateway, testAddress, testCheckoutSettings } from "./test-fixtures";
import { placeOrder } from "./orders";

requireTestDatabaseUrl();

const { createProduct, customer, staffMember, fillCart } = orderFixtures();
const context = { ip: "192.0.2.91", userAgent: "vitest order actions", requestId: "req-order-actions" };

const gateway = refundingGateway();

type State = { paymentStatus: PaymentStatus; fulfillmentStatus: FulfillmentStatus; paid: boolean };

/** An order in the given statuses, with a captured payment or none. */
async function orderIn({ paymentStatus, fulfillmentStatus, paid }: State): Promise<string> {
  const buyer = await customer();
  const product = await createProduct({ stock: 6 });
  await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 1 }]);
  const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  await db.order.update({
    where: { id: orderId },
    data: { paymentStatus, fulfillmentStatus, capturedMinor: paid ? 3000 : 0, paymentIntentId: paid ? `pi_test_${orderId}` : null },
  });
  return orderId;
}

const accepted = async (attempt: Promise<{ ok: boolean }>) => (await attempt).ok;

describe("the staff order DTO's actions", () => {
  // Money captured where the payment status says so; on hold both ways (a stray payment holds an unpaid order).
  const captured = (status: PaymentStatus) => (status === "on_hold" ? [false, true] : [["paid", "partially_refunded", "refunded"].includes(status)]);
  const cases: State[] = PAYMENT_STATUSES.flatMap((paymentStatus) =>
    FULFILLMENT_STATUSES.flatMap((fulfillmentStatus) => captured(paymentStatus).map((paid) => ({ paymentStatus, fulfillmentStatus, paid }))),
  );

  it.each(cases)("match what the mutations accept: $paymentStatus, $fulfillmentStatus, paid=$paid", async (state) => {
    const admin = await staffMember("admin");
    const orderId = await orderIn(state);
    const shown = (await getOrderForStaff(admin, orderId))?.actions;
    // A fresh order for each mutation: one that succeeded changes the order the next would see.
    const fresh = () => orderIn(state);
    const done = {
      cancel: await accepted(cancelOrderForStaff(admin, { orderId: await fresh(), reason: "Customer asked" }, null, context)),
      refund: await accepted(requestRefund(admin, { orderId: await fresh(), amountMinor: 1, reason: "Goodwill" }, gateway, context)),
      pack: await accepted(packOrder(admin, await fresh(), context)),
      ship: await accepted(shipOrder(admin, { orderId: await fresh(), carrier: "ups", trackingNumber: "1Z999AA10123456784" }, context)),
      deliver: await accepted(markOrderDelivered(admin, await fresh(), context)),
      // Reads change nothing: they are asked of the order shown.
      viewAddress: (await getDeliveryAddressForFulfilment(admin, orderId, context)) !== null,
      packingSlip: await accepted(getPackingSlip(admin, orderId, context)),
    };
    expect(shown).toEqual(done);
  });

  it("offers nothing the viewer's role may not do", async () => {
    const unpaid = await orderIn({ paymentStatus: "pending", fulfillmentStatus: "unfulfilled", paid: false });
    const paid = await orderIn({ paymentStatus: "paid", fulfillmentStatus: "unfulfilled", paid: true });
    const none = { cancel: false, refund: false, pack: false, ship: false, deliver: false, viewAddress: false, packingSlip: false };
    expect((await getOrderForStaff(await staffMember("support"), unpaid))?.actions).toEqual({ ...none, cancel: true });
    expect((await getOrderForStaff(await staffMember("support"), paid))?.actions).toEqual(none);
    expect((await getOrderForStaff(await staffMember("fulfilment"), paid))?.actions).toEqual({ ...none, pack: true, ship: true, viewAddress: true, packingSlip: true });
  });

  it("offers no refund once everything paid is claimed", async () => {
    const admin = await staffMember("admin");
    const orderId = await orderIn({ paymentStatus: "paid", fulfillmentStatus: "unfulfilled", paid: true });
    expect(await requestRefund(admin, { orderId, amountMinor: 3000, reason: "Whole order" }, gateway, context)).toMatchObject({ ok: true });
    expect((await getOrderForStaff(admin, orderId))?.actions.refund).toBe(false);
    expect(await requestRefund(admin, { orderId, amountMinor: 1, reason: "One more" }, gateway, context)).toEqual({ ok: false, code: "fully_refunded" });
  });
});
