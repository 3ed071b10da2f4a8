import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { handleOrderJob } from "@/lib/jobs/order-handlers";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { checkoutSessionObject, stripeEvent, type TestCheckoutState } from "@/lib/payments/test-gateway/stripe-objects";
import type { PaymentEvent } from "@/lib/payments/webhook-event";
import { signWebhookPayload, verifyWebhook } from "@/lib/payments/webhook-signature";
import { cancelOrderForStaff } from "@/lib/dal/orders/staff-orders";
import { orderFixtures, testAddress, testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";
import { placeOrder, startPayment } from "@/lib/dal/orders/orders";
import { type EventOutcome, processPaymentEvent } from "./events";
import { refundStrayPayment } from "./stray-payments";

requireTestDatabaseUrl();

/**
 * One payment per order: concurrent "Pay" clicks share one hosted checkout, a
 * replaced checkout can neither cancel the order nor pay it, and money that
 * arrives through one anyway is held, alerted and refunded exactly once.
 */
const { createProduct, customer, fillCart, staffMember, stockOf } = orderFixtures();
const context = { ip: "192.0.2.44", userAgent: "Stripe/1.0" };
const secret = "whsec_one_payment_per_order_secret";
const urls = (orderId: string) => ({ successUrl: `http://shop.test/s/${orderId}`, cancelUrl: "http://shop.test/c" });

function delivered(type: string, object: Record<string, unknown>): PaymentEvent {
  const payload = JSON.stringify(stripeEvent(type, object));
  const verified = verifyWebhook(payload, signWebhookPayload(payload, secret), secret);
  if (!verified.ok || !verified.event) throw new Error("test event did not verify");
  return verified.event;
}

async function unpaidOrder() {
  const buyer = await customer();
  const product = await createProduct({ priceMinor: 2000, stock: 5 });
  await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 2 }]);
  const { orderId } = await placeOrder(buyer, { shippingRateId: "standard", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  return { buyer, orderId, variantId: product.variantId };
}

const order = (id: string) => db.order.findUniqueOrThrow({ where: { id } });
const sessionsOf = (orderId: string) => db.testGatewaySession.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } });

async function stateOf(sessionId: string, overrides: Partial<TestCheckoutState> = {}): Promise<TestCheckoutState> {
  const row = await db.testGatewaySession.findUniqueOrThrow({ where: { id: sessionId } });
  return { ...row, status: "open", paymentStatus: "unpaid", ...overrides };
}

/** The hosted checkout is about to end, so the next "Pay" replaces it. */
const nearlyOver = (sessionId: string) =>
  db.testGatewaySession.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() + 10_000) } });

const strayRefundJobs = (orderId: string) =>
  db.$queryRaw<{ data: { strayPaymentId: string } }[]>`
    SELECT data FROM pgboss.job WHERE name = 'orders' AND data->>'type' = 'stray-payment.refund' AND data->>'orderId' = ${orderId}`;

describe("one payment per order", () => {
  it("gives four concurrent Pay clicks one open hosted checkout", async () => {
    const { buyer, orderId } = await unpaidOrder();

    const pages = await Promise.all(Array.from({ length: 4 }, () => startPayment(buyer, orderId, testGateway, urls)));

    const sessions = await sessionsOf(orderId);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.status).toBe("open");
    expect(new Set(pages.map((page) => page?.url))).toEqual(new Set([expect.stringContaining(sessions[0]!.id)]));
    expect(await order(orderId)).toMatchObject({ paymentAttempt: 1, checkoutSessionId: sessions[0]!.id });

    // A later click gets the same page back while it is open.
    expect((await startPayment(buyer, orderId, testGateway, urls))?.url).toBe(pages[0]?.url);
    expect(await sessionsOf(orderId)).toHaveLength(1);
  });

  it("records the new checkout in the transaction that expires the old one, so its early 'expired' event cannot cancel the order", async () => {
    const { buyer, orderId } = await unpaidOrder();
    await startPayment(buyer, orderId, testGateway, urls);
    const old = (await order(orderId)).checkoutSessionId!;
    await nearlyOver(old);

    // The gateway's "expired" event for the old checkout arrives at once, before the new checkout exists.
    let early: Promise<EventOutcome> | undefined;
    const eagerGateway: PaymentGateway = {
      ...testGateway,
      async expireCheckout(sessionId) {
        await testGateway.expireCheckout(sessionId);
        early = processPaymentEvent(delivered("checkout.session.expired", checkoutSessionObject(await stateOf(sessionId, { status: "expired" }))), context);
        await Promise.race([early, new Promise((resolve) => setTimeout(resolve, 300))]);
      },
    };
    const page = await startPayment(buyer, orderId, eagerGateway, urls);

    expect(await early).toBe("ignored");
    const after = await order(orderId);
    expect(after.paymentStatus).toBe("pending");
    expect(after.checkoutSessionId).not.toBe(old);
    expect(page?.url).toContain(after.checkoutSessionId);
    expect((await sessionsOf(orderId)).map((session) => session.status)).toEqual(["expired", "open"]);
  });

  it("holds, alerts and refunds once a payment made through a replaced checkout, even when it is delivered twice", async () => {
    const { buyer, orderId, variantId } = await unpaidOrder();
    await startPayment(buyer, orderId, testGateway, urls);
    const old = (await order(orderId)).checkoutSessionId!;
    await nearlyOver(old);
    await startPayment(buyer, orderId, testGateway, urls);
    // The shopper's payment on the old page went through as it was being expired.
    await db.testGatewaySession.update({ where: { id: old }, data: { status: "complete", paymentStatus: "paid" } });
    const stale = await stateOf(old, { status: "complete", paymentStatus: "paid" });
    const completed = delivered("checkout.session.completed", checkoutSessionObject(stale));

    expect(await processPaymentEvent(completed, context)).toBe("held");
    expect(await processPaymentEvent(completed, context)).toBe("duplicate");
    // The same payment reported by another event changes nothing either.
    expect(await processPaymentEvent(delivered("checkout.session.async_payment_succeeded", checkoutSessionObject(stale)), context)).toBe("ignored");

    expect(await order(orderId)).toMatchObject({ paymentStatus: "on_hold", holdReason: expect.stringMatching(/replaced checkout/), capturedMinor: 0, paymentIntentId: null });
    expect(await db.securityEvent.count({ where: { userId: buyer.userId, type: "stray_payment" } })).toBe(1);
    const alerts = await db.securityAlert.findMany({ where: { actorId: buyer.userId, kind: "stray_payment" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.message).toMatch(/^Order ORD-\w+: /);
    const jobs = await strayRefundJobs(orderId);
    expect(jobs).toHaveLength(1);

    // The queued job as the worker runs it, then again (a retry), and once more as if the worker died before recording it.
    const strayPaymentId = jobs[0]!.data.strayPaymentId;
    await handleOrderJob(jobs[0]!.data);
    expect(await db.strayPayment.findUniqueOrThrow({ where: { id: strayPaymentId } })).toMatchObject({ refundedAt: expect.any(Date) });
    expect(await refundStrayPayment(strayPaymentId, testGateway)).toBe("already_refunded");
    await db.strayPayment.update({ where: { id: strayPaymentId }, data: { refundedAt: null } });
    expect(await refundStrayPayment(strayPaymentId, testGateway)).toBe("refunded");
    const refunded = await db.testGatewaySession.findUniqueOrThrow({ where: { id: old } });
    expect(refunded.amountRefunded).toBe(stale.amountTotal);
    expect(refunded.refunds).toEqual([expect.objectContaining({ amount: stale.amountTotal, key: `refund:stray:${stale.paymentIntentId}` })]);

    // The order itself was never paid: staff can cancel it, which gives its stock back and closes its checkout.
    const staff = await staffMember("support");
    await cancelOrderForStaff(staff, { orderId, reason: "Stray payment refunded; order abandoned" }, testGateway, { ...context, requestId: null });
    expect((await order(orderId)).paymentStatus).toBe("cancelled");
    expect(await stockOf(variantId)).toBe(5);
    expect((await sessionsOf(orderId)).map((session) => session.status)).toEqual(["complete", "expired"]);
  });

  it("holds and refunds a second payment for an order already paid", async () => {
    const { buyer, orderId } = await unpaidOrder();
    await startPayment(buyer, orderId, testGateway, urls);
    const first = (await order(orderId)).checkoutSessionId!;
    await nearlyOver(first);
    await startPayment(buyer, orderId, testGateway, urls);
    const current = (await order(orderId)).checkoutSessionId!;
    const paidCurrent = await stateOf(current, { status: "complete", paymentStatus: "paid" });
    expect(await processPaymentEvent(delivered("checkout.session.completed", checkoutSessionObject(paidCurrent)), context)).toBe("applied");
    expect((await order(orderId)).paymentStatus).toBe("paid");

    const paidFirst = await stateOf(first, { status: "complete", paymentStatus: "paid" });
    expect(await processPaymentEvent(delivered("checkout.session.completed", checkoutSessionObject(paidFirst)), context)).toBe("held");
    expect(await order(orderId)).toMatchObject({ paymentStatus: "on_hold", paymentIntentId: paidCurrent.paymentIntentId, capturedMinor: paidCurrent.amountTotal });
    expect(await db.strayPayment.findMany({ where: { orderId }, select: { paymentIntentId: true } })).toEqual([{ paymentIntentId: paidFirst.paymentIntentId }]);
    expect(await strayRefundJobs(orderId)).toHaveLength(1);
  });
});
