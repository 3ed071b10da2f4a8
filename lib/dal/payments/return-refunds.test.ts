import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { chargeObject, stripeEvent, type TestCheckoutState } from "@/lib/payments/test-gateway/stripe-objects";
import type { PaymentEvent } from "@/lib/payments/webhook-event";
import { signWebhookPayload, verifyWebhook } from "@/lib/payments/webhook-signature";
import { getMyOrderReturns } from "@/lib/dal/orders/returns/customer-returns";
import { requestMyReturn } from "@/lib/dal/orders/returns/request-return";
import { approveReturn, markReturnReceived } from "@/lib/dal/orders/returns/return-steps";
import { returnFixtures } from "@/lib/dal/orders/returns/test-fixtures";
import { processPaymentEvent } from "./events";
import { refundReturn } from "./return-refunds";
import { queuedNotices } from "@/lib/dal/orders/test-fixtures";

requireTestDatabaseUrl();

const { shippedOrder, staffMember } = returnFixtures();
const context = { ip: "192.0.2.73", userAgent: "vitest return refunds", requestId: "req-return-refunds" };
const secret = "whsec_return_refunds_suite_secret";
const refundIds: string[] = [];
const gateway: PaymentGateway = {
  name: "test",
  createCheckout: () => Promise.reject(new Error("not used")),
  refund: () => {
    refundIds.push(`re_test_${randomUUID()}`);
    return Promise.resolve({ gatewayRefundId: refundIds.at(-1)! });
  },
  retrieveCheckout: () => Promise.reject(new Error("not used")),
  expireCheckout: () => Promise.resolve(),
};

/** A received return of 2 × A (2 × 20.00 = 40.00) on a paid, shipped order. */
async function receivedReturn() {
  const order = await shippedOrder();
  const asked = await requestMyReturn(order.buyer, { orderId: order.orderId, units: { [order.itemA]: 2 }, reason: "Both arrived dented" }, context);
  if (!asked.ok) throw new Error(asked.code);
  const admin = await staffMember("admin");
  await approveReturn(admin, asked.returnId, context);
  await markReturnReceived(admin, asked.returnId, context);
  return { ...order, admin, returnId: asked.returnId };
}

/** The processor's charge.refunded for the order, as the endpoint receives it. */
function chargeRefunded(orderId: string, capturedMinor: number, refunds: { id: string; amount: number }[]): PaymentEvent {
  const state = { chargeId: `ch_${orderId}`, paymentIntentId: `pi_test_${orderId}`, currency: "USD", amountTotal: capturedMinor, createdAt: new Date() };
  const amountRefunded = refunds.reduce((sum, refund) => sum + refund.amount, 0);
  const payload = JSON.stringify(stripeEvent("charge.refunded", chargeObject({ ...state, amountRefunded } as TestCheckoutState, refunds)));
  const verified = verifyWebhook(payload, signWebhookPayload(payload, secret), secret);
  if (!verified.ok || !verified.event) throw new Error("test event did not verify");
  return verified.event;
}

const returnOf = (returnId: string) => db.orderReturn.findUniqueOrThrow({ where: { id: returnId }, select: { status: true, refundId: true, refundedAt: true } });

describe("refunding a return", () => {
  it("refunds through the gateway, links the refund, and shows refunded once the processor confirms", async () => {
    const { buyer, orderId, returnId, admin, totalMinor } = await receivedReturn();
    const result = await refundReturn(admin, { returnId, amountMinor: 3500, reason: "Returned dented" }, gateway, context);
    expect(result).toMatchObject({ ok: true, orderId });
    const refund = await db.refund.findFirstOrThrow({ where: { orderId }, select: { id: true, amountMinor: true, status: true, gatewayRefundId: true } });
    expect(refund).toMatchObject({ amountMinor: 3500, status: "pending" });
    expect(await returnOf(returnId)).toMatchObject({ status: "received", refundId: refund.id });
    // A second refund while the first is with the processor is refused.
    expect(await refundReturn(admin, { returnId, amountMinor: 100, reason: "Again" }, gateway, context)).toEqual({ ok: false, code: "refund_pending", orderId });
    const audit = await db.auditEntry.findFirst({ where: { targetType: "return", targetId: returnId, action: "return.refund_requested" } });
    expect(audit?.actorId).toBe(admin.userId);

    expect(await processPaymentEvent(chargeRefunded(orderId, totalMinor, [{ id: refund.gatewayRefundId!, amount: 3500 }]), context)).toBe("applied");
    expect(await returnOf(returnId)).toMatchObject({ status: "refunded", refundId: refund.id });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { paymentStatus: true, fulfillmentStatus: true } })).toEqual({
      paymentStatus: "partially_refunded",
      fulfillmentStatus: "shipped",
    });
    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId, type: "return.refunded" } });
    expect(event).toMatchObject({ customerVisible: true, actor: "system", detail: { amountMinor: 3500, currency: "USD" } });
    expect((await getMyOrderReturns(buyer, orderId))?.returns[0]).toMatchObject({ status: "refunded", refunded: { amountMinor: 3500, currency: "USD" } });
    // One mail per step; the refund of a return is told as the return's last step, not as a second refund mail.
    expect((await queuedNotices(orderId)).map((job) => job.notice)).toEqual([
      { kind: "return", stage: "requested" },
      { kind: "return", stage: "approved" },
      { kind: "return", stage: "received" },
      { kind: "return", stage: "refunded", amountMinor: 3500 },
    ]);
  });

  it("refuses more than the returned units cost, a return not received yet, and a refund without step-up", async () => {
    const { orderId, returnId, admin } = await receivedReturn();
    expect(await refundReturn(admin, { returnId, amountMinor: 4001, reason: "Too much" }, gateway, context)).toEqual({ ok: false, code: "amount_above_value", orderId });
    const stale = { ...admin, reauthenticatedAt: new Date(Date.now() - 60 * 60 * 1000) };
    expect(await refundReturn(stale, { returnId, amountMinor: 4000, reason: "Returned" }, gateway, context)).toEqual({ ok: false, code: "step_up_required", orderId });
    const other = await shippedOrder();
    const asked = await requestMyReturn(other.buyer, { orderId: other.orderId, units: { [other.itemB]: 1 }, reason: "Not needed" }, context);
    if (!asked.ok) throw new Error(asked.code);
    expect(await refundReturn(admin, { returnId: asked.returnId, amountMinor: 1000, reason: "Early" }, gateway, context)).toMatchObject({ ok: false, code: "wrong_state" });
    expect(await db.refund.count({ where: { orderId: { in: [orderId, other.orderId] } } })).toBe(0);
    expect((await returnOf(returnId)).refundId).toBeNull();
  });
});
