import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { chargeObject, checkoutSessionObject, type TestCheckoutState } from "@/lib/payments/test-gateway/stripe-objects";
import { orderFixtures } from "@/lib/dal/orders/test-fixtures";
import { delivered, pendingOrders } from "./event-fixtures";
import { processPaymentEvent } from "./events";

requireTestDatabaseUrl();

const fixtures = orderFixtures();
const { stockOf } = fixtures;
const context = { ip: "192.0.2.10", userAgent: "Stripe/1.0" };
const pendingOrder = pendingOrders(fixtures, testGateway);

const order = (id: string) => db.order.findUniqueOrThrow({ where: { id } });
const paid = (state: TestCheckoutState) => delivered("checkout.session.completed", checkoutSessionObject(state));

describe("payment event processing", () => {
  it("marks the order paid when the amount and currency reconcile, and queues the confirmation", async () => {
    const { orderId, state } = await pendingOrder();
    expect(state.amountTotal).toBe(4950); // 2 × 20.00 + 5.00 shipping + 10 % tax

    expect(await processPaymentEvent(paid(state), context)).toBe("applied");

    expect(await order(orderId)).toMatchObject({ paymentStatus: "paid", capturedMinor: 4950, paymentIntentId: state.paymentIntentId });
    // The confirmation job names the order only: the worker resolves the recipient and link when it sends.
    const jobs = await db.$queryRaw<{ data: Record<string, unknown> }[]>`
      SELECT data FROM pgboss.job WHERE name = 'orders' AND data->>'orderId' = ${orderId} AND data->>'type' = 'order.confirmation'`;
    expect(jobs.map((job) => job.data)).toEqual([{ type: "order.confirmation", orderId }]);
    const timeline = await db.orderEvent.findMany({ where: { orderId }, orderBy: { createdAt: "asc" }, select: { type: true, detail: true } });
    expect(timeline).toEqual([
      { type: "order.placed", detail: null },
      { type: "payment.paid", detail: { amountMinor: 4950, currency: "USD" } },
    ]);
  });

  it("processes a redelivered event once", async () => {
    const { orderId, state } = await pendingOrder();
    const event = paid(state);
    const outcomes = await Promise.all([processPaymentEvent(event, context), processPaymentEvent(event, context)]);
    expect(outcomes.sort()).toEqual(["applied", "duplicate"]);
    expect(await processPaymentEvent(event, context)).toBe("duplicate");
    expect(await db.paymentEvent.count({ where: { id: event.id } })).toBe(1);
    expect((await order(orderId)).paymentStatus).toBe("paid");
  });

  it("puts the order on hold and raises a security event when the amount does not match", async () => {
    const { orderId, state, userId } = await pendingOrder();
    expect(await processPaymentEvent(paid({ ...state, amountTotal: 100 }), context)).toBe("held");
    expect(await order(orderId)).toMatchObject({ paymentStatus: "on_hold", capturedMinor: 100 });
    const events = await db.securityEvent.findMany({ where: { userId, type: "payment_amount_mismatch" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({ orderId, expectedMinor: 4950, amountMinor: 100 });
  });

  it("puts the order on hold when the currency does not match", async () => {
    const { orderId, state } = await pendingOrder();
    expect(await processPaymentEvent(paid({ ...state, currency: "EUR" }), context)).toBe("held");
    expect((await order(orderId)).paymentStatus).toBe("on_hold");
  });

  it("ignores an expiry that arrives after the payment (out of order)", async () => {
    const { orderId, variantId, state } = await pendingOrder();
    await processPaymentEvent(paid(state), context);
    const expired = delivered("checkout.session.expired", checkoutSessionObject({ ...state, status: "expired", paymentStatus: "unpaid" }));
    expect(await processPaymentEvent(expired, context)).toBe("ignored");
    expect((await order(orderId)).paymentStatus).toBe("paid");
    expect(await stockOf(variantId)).toBe(3);
  });

  it("cancels on expiry and releases the stock once", async () => {
    const { orderId, variantId, state } = await pendingOrder();
    expect(await stockOf(variantId)).toBe(3);
    const expired = checkoutSessionObject({ ...state, status: "expired", paymentStatus: "unpaid" });
    expect(await processPaymentEvent(delivered("checkout.session.expired", expired), context)).toBe("applied");
    expect(await processPaymentEvent(delivered("checkout.session.expired", expired), context)).toBe("ignored"); // another event id, same news
    expect((await order(orderId)).paymentStatus).toBe("cancelled");
    expect(await stockOf(variantId)).toBe(5);
  });

  it("ignores the expiry of an older hosted checkout of the same order", async () => {
    const { orderId, state } = await pendingOrder();
    const old = checkoutSessionObject({ ...state, id: "cs_test_an_earlier_attempt", status: "expired", paymentStatus: "unpaid" });
    expect(await processPaymentEvent(delivered("checkout.session.expired", old), context)).toBe("ignored");
    expect((await order(orderId)).paymentStatus).toBe("pending");
  });

  it("waits for a delayed payment, then marks it paid; a failed one ends the order as failed and releases stock", async () => {
    const later = await pendingOrder();
    const unpaid = checkoutSessionObject({ ...later.state, paymentStatus: "unpaid" });
    expect(await processPaymentEvent(delivered("checkout.session.completed", unpaid), context)).toBe("applied");
    expect((await order(later.orderId)).paymentStatus).toBe("pending");
    const succeeded = delivered("checkout.session.async_payment_succeeded", checkoutSessionObject(later.state));
    expect(await processPaymentEvent(succeeded, context)).toBe("applied");
    expect((await order(later.orderId)).paymentStatus).toBe("paid");

    const declined = await pendingOrder();
    const declinedSession = checkoutSessionObject({ ...declined.state, paymentStatus: "unpaid" });
    await processPaymentEvent(delivered("checkout.session.completed", declinedSession), context);
    expect(await processPaymentEvent(delivered("checkout.session.async_payment_failed", declinedSession), context)).toBe("applied");
    expect((await order(declined.orderId)).paymentStatus).toBe("failed");
    expect(await stockOf(declined.variantId)).toBe(5);
  });

  it("holds money that arrives for an order already cancelled", async () => {
    const { orderId, state, userId } = await pendingOrder();
    await processPaymentEvent(delivered("checkout.session.expired", checkoutSessionObject({ ...state, status: "expired" })), context);
    expect(await processPaymentEvent(paid(state), context)).toBe("held");
    expect((await order(orderId)).paymentStatus).toBe("on_hold");
    expect(await db.securityEvent.count({ where: { userId, type: "payment_after_cancellation" } })).toBe(1);
  });

  it("stores card brand, last four, country and risk level from the charge, nothing more", async () => {
    const { orderId, state } = await pendingOrder();
    await processPaymentEvent(paid(state), context);
    expect(await processPaymentEvent(delivered("charge.succeeded", chargeObject(state)), context)).toBe("applied");
    expect(await order(orderId)).toMatchObject({ cardBrand: "visa", cardLast4: "4242", riskLevel: "normal", billingCountry: "US" });
  });

  it("prefers the billing address's country to the card's, and drops a malformed one", async () => {
    const { orderId, state } = await pendingOrder();
    await processPaymentEvent(paid(state), context);
    const charge = { ...chargeObject(state), billing_details: { address: { country: "de" } } };
    expect(await processPaymentEvent(delivered("charge.succeeded", charge), context)).toBe("applied");
    expect((await order(orderId)).billingCountry).toBe("DE");
    const other = await pendingOrder();
    await processPaymentEvent(paid(other.state), context);
    const malformed = { ...chargeObject(other.state), payment_method_details: { card: { brand: "visa", last4: "4242", country: "<script>" } } };
    expect(await processPaymentEvent(delivered("charge.succeeded", malformed), context)).toBe("applied");
    expect((await order(other.orderId)).billingCountry).toBeNull();
  });

  it("applies refunds from charge.refunded, and ignores an older (smaller) total arriving late", async () => {
    const { orderId, state } = await pendingOrder();
    await processPaymentEvent(paid(state), context);
    const partial = delivered("charge.refunded", chargeObject({ ...state, amountRefunded: 1000 }));
    const full = delivered("charge.refunded", chargeObject({ ...state, amountRefunded: 4950 }));
    expect(await processPaymentEvent(full, context)).toBe("applied");
    expect(await processPaymentEvent(partial, context)).toBe("ignored");
    expect(await order(orderId)).toMatchObject({ paymentStatus: "refunded", refundedMinor: 4950 });
  });

  it("records a partial refund as partially_refunded", async () => {
    const { orderId, state } = await pendingOrder();
    await processPaymentEvent(paid(state), context);
    await processPaymentEvent(delivered("charge.refunded", chargeObject({ ...state, amountRefunded: 950 })), context);
    expect(await order(orderId)).toMatchObject({ paymentStatus: "partially_refunded", refundedMinor: 950 });
  });

  it("ignores a refund for an order that was never paid", async () => {
    const { orderId, state } = await pendingOrder();
    await db.order.update({ where: { id: orderId }, data: { paymentIntentId: state.paymentIntentId } });
    const refunded = delivered("charge.refunded", chargeObject({ ...state, amountRefunded: 4950 }));
    expect(await processPaymentEvent(refunded, context)).toBe("ignored");
    expect((await order(orderId)).paymentStatus).toBe("pending");
  });

  it("records events for no order of this shop as unmatched", async () => {
    const { state } = await pendingOrder();
    const foreign = checkoutSessionObject({ ...state, orderId: "not-an-order-of-ours" });
    (foreign.metadata as Record<string, string>).orderId = "not-an-order-of-ours";
    const event = delivered("checkout.session.completed", foreign);
    expect(await processPaymentEvent(event, context)).toBe("unmatched");
    expect(await db.paymentEvent.findUnique({ where: { id: event.id }, select: { outcome: true } })).toEqual({ outcome: "unmatched" });
  });
});
