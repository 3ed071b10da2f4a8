import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { chargeObject, checkoutSessionObject, type TestCheckoutState } from "@/lib/payments/test-gateway/stripe-objects";
import { delivered, pendingOrders } from "@/lib/dal/payments/event-fixtures";
import { processPaymentEvent } from "@/lib/dal/payments/events";
import { sendQueuedRefund } from "@/lib/dal/payments/queued-refunds";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { packOrder } from "../fulfilment";
import { getOrderForStaff } from "../staff-orders";
import { orderFixtures, queuedNotices, refundingGateway } from "../test-fixtures";
import { assessIfUnscored, CHARGE_WAIT_SECONDS, FRAUD_ASSESS_JOB } from "./assess";
import { listHeldOrdersForReview } from "./review-queue";
import { reviewHeldOrder } from "./review";

requireTestDatabaseUrl();

/*
 * The fraud review end to end below the pages: a paid order is scored when the
 * processor reports the charge (default thresholds: hold 50, cancel 90), held
 * orders cannot be packed until a reviewer approves, the cancel score refunds
 * and cancels on its own, and reviews are permission-checked, audited and
 * happen once (ASVS V8.2.1 function-level access, V11.1.1 business logic in order).
 */
const fixtures = orderFixtures();
const { staffMember, stockOf } = fixtures;
const pendingOrder = pendingOrders(fixtures, testGateway);
const webhook = { ip: "192.0.2.60", userAgent: "Stripe/1.0" };
const context = { ip: "192.0.2.61", userAgent: "vitest fraud review", requestId: "req-fraud-review" };

/** Pays an order as the test gateway plays it: checkout completed, then the charge with the processor's risk level. */
async function paidOrder(riskLevel: "normal" | "highest" = "normal") {
  const placed = await pendingOrder();
  const state: TestCheckoutState = placed.state;
  expect(await processPaymentEvent(delivered("checkout.session.completed", checkoutSessionObject(state)), webhook)).toBe("applied");
  const charge = delivered("charge.succeeded", chargeObject(state, [], riskLevel));
  expect(await processPaymentEvent(charge, webhook)).toBe("applied");
  return { ...placed, charge };
}

const orderOf = (id: string) =>
  db.order.findUniqueOrThrow({ where: { id }, select: { fraudReview: true, riskScore: true, riskReasons: true, fulfillmentStatus: true, paymentStatus: true, cancelledAt: true } });
const timelineTypes = async (orderId: string) =>
  (await db.orderEvent.findMany({ where: { orderId }, orderBy: { createdAt: "asc" }, select: { type: true } })).map((event) => event.type);
const auditOf = (targetId: string, action: string) => db.auditEntry.findMany({ where: { targetId, action }, select: { actorId: true, reason: true, outcome: true } });

describe("fraud scoring of paid orders", () => {
  it("approves an ordinary order with a score of zero, and it packs as usual", async () => {
    const { orderId } = await paidOrder();
    expect(await orderOf(orderId)).toMatchObject({ fraudReview: "approved", riskScore: 0, riskReasons: [] });
    expect(await timelineTypes(orderId)).toContain("review.scored");
    expect(await packOrder(await staffMember("fulfilment"), orderId, context)).toEqual({ ok: true });
  });

  it("holds an order the processor rates highest: it cannot be packed until a reviewer approves it", async () => {
    const { orderId } = await paidOrder("highest");
    expect(await orderOf(orderId)).toMatchObject({
      fraudReview: "held",
      riskScore: 60,
      riskReasons: [{ code: "processor_risk_highest", points: 60, message: "The payment processor rated the payment's risk highest." }],
    });
    const packer = await staffMember("fulfilment");
    expect(await packOrder(packer, orderId, context)).toMatchObject({ ok: false, code: "wrong_state" });
    expect((await getOrderForStaff(packer, orderId))?.actions).toMatchObject({ pack: false, ship: false, packingSlip: false, viewAddress: false });
    expect((await orderOf(orderId)).fulfillmentStatus).toBe("unfulfilled");

    const reviewer = await staffMember("support");
    expect((await listHeldOrdersForReview(reviewer)).find((held) => held.id === orderId)).toMatchObject({ score: 60, total: { amountMinor: 4950, currency: "USD" } });
    expect(await reviewHeldOrder(reviewer, { orderId, decision: "approve", note: "Called the buyer, all fine." }, context)).toEqual({ ok: true });

    expect((await orderOf(orderId)).fraudReview).toBe("released");
    expect(await packOrder(packer, orderId, context)).toEqual({ ok: true });
    expect(await auditOf(orderId, "order.review_approved")).toEqual([{ actorId: reviewer.userId, reason: "Called the buyer, all fine.", outcome: "success" }]);
    expect(await timelineTypes(orderId)).toEqual(expect.arrayContaining(["review.scored", "review.approved", "fulfillment.packed"]));
    expect(await queuedNotices(orderId)).toContainEqual(expect.objectContaining({ notice: { kind: "released" } }));
    expect((await listHeldOrdersForReview(reviewer)).some((held) => held.id === orderId)).toBe(false);
  });

  it("cancels and refunds at the cancel score: stock back, refund queued and sent once, the customer told", async () => {
    const placed = await pendingOrder();
    // An open card-testing alert on the buyer's account (45) plus the processor's highest (60): 105 ≥ 90.
    await db.securityAlert.create({ data: { kind: "card_testing", severity: "high", subject: `user:${placed.userId}`, actorId: placed.userId, message: "test alert" } });
    const stockBefore = await stockOf(placed.variantId);
    await processPaymentEvent(delivered("checkout.session.completed", checkoutSessionObject(placed.state)), webhook);
    await processPaymentEvent(delivered("charge.succeeded", chargeObject(placed.state, [], "highest")), webhook);

    const order = await orderOf(placed.orderId);
    expect(order).toMatchObject({ fraudReview: "cancelled", riskScore: 105, paymentStatus: "paid" });
    expect(order.cancelledAt).not.toBeNull();
    expect(await stockOf(placed.variantId)).toBe(stockBefore + 2);
    const refunds = await db.refund.findMany({ where: { orderId: placed.orderId }, select: { id: true, amountMinor: true, status: true } });
    expect(refunds).toEqual([{ id: expect.any(String), amountMinor: 4950, status: "pending" }]);
    const jobs = await db.$queryRaw<{ data: Record<string, unknown> }[]>`
      SELECT data FROM pgboss.job WHERE name = 'orders' AND data->>'orderId' = ${placed.orderId} AND data->>'type' = 'fraud-refund.send'`;
    expect(jobs.map((job) => job.data)).toEqual([{ type: "fraud-refund.send", orderId: placed.orderId, refundId: refunds[0]!.id }]);
    expect(await queuedNotices(placed.orderId)).toContainEqual(expect.objectContaining({ notice: { kind: "cancelled" } }));
    expect(await packOrder(await staffMember("admin"), placed.orderId, context)).toMatchObject({ ok: false });

    // The worker's side: the gateway is asked once, a retried job finds the refund sent.
    let calls = 0;
    const gateway = { ...refundingGateway(), refund: async () => ({ gatewayRefundId: `re_test_fraud_${++calls}` }) };
    expect(await sendQueuedRefund(refunds[0]!.id, gateway)).toBe("sent");
    expect(await sendQueuedRefund(refunds[0]!.id, gateway)).toBe("already_sent");
    expect(calls).toBe(1);
  });

  it("scores once: a redelivered or a second charge event changes nothing", async () => {
    const { orderId, state, charge } = await paidOrder("highest");
    expect(await processPaymentEvent(charge, webhook)).toBe("duplicate");
    expect(await processPaymentEvent(delivered("charge.succeeded", chargeObject(state, [], "normal")), webhook)).toBe("applied");
    expect(await orderOf(orderId)).toMatchObject({ fraudReview: "held", riskScore: 60 });
    expect((await timelineTypes(orderId)).filter((type) => type === "review.scored")).toHaveLength(1);
  });

  it("scores an order whose charge event came first (unmatched) when the queued fallback runs, and only once", async () => {
    const placed = await pendingOrder();
    // Stripe does not order its events: the charge names a payment the order does not know yet.
    expect(await processPaymentEvent(delivered("charge.succeeded", chargeObject(placed.state, [], "highest")), webhook)).toBe("unmatched");
    expect(await processPaymentEvent(delivered("checkout.session.completed", checkoutSessionObject(placed.state)), webhook)).toBe("applied");
    expect((await orderOf(placed.orderId)).riskScore).toBeNull();

    const jobs = await db.$queryRaw<{ data: Record<string, unknown>; delaySeconds: number }[]>`
      SELECT data, round(extract(epoch FROM start_after - created_on))::int AS "delaySeconds"
      FROM pgboss.job WHERE name = 'orders' AND data->>'orderId' = ${placed.orderId} AND data->>'type' = ${FRAUD_ASSESS_JOB}`;
    expect(jobs).toEqual([{ data: { type: FRAUD_ASSESS_JOB, orderId: placed.orderId }, delaySeconds: CHARGE_WAIT_SECONDS }]);

    expect(await assessIfUnscored(placed.orderId)).toBe("approved");
    expect(await orderOf(placed.orderId)).toMatchObject({ fraudReview: "approved", riskScore: 0 });
    expect(await assessIfUnscored(placed.orderId)).toBeNull();
    expect((await timelineTypes(placed.orderId)).filter((type) => type === "review.scored")).toHaveLength(1);
  });

  it("leaves an order the charge event scored alone when the fallback runs", async () => {
    const { orderId } = await paidOrder("highest");
    expect(await assessIfUnscored(orderId)).toBeNull();
    expect(await orderOf(orderId)).toMatchObject({ fraudReview: "held", riskScore: 60 });
  });
});

describe("reviewing a held order", () => {
  it("refuses and audits a role without orders:review, and the order stays held", async () => {
    const { orderId } = await paidOrder("highest");
    const packer = await staffMember("fulfilment");
    await expect(reviewHeldOrder(packer, { orderId, decision: "approve", note: "Looks fine to me" }, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listHeldOrdersForReview(packer)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await orderOf(orderId)).fraudReview).toBe("held");
    const denied = await db.auditEntry.findMany({ where: { actorId: packer.userId, action: "access.denied" }, select: { targetId: true, outcome: true } });
    expect(denied).toEqual([{ targetId: "orders:review", outcome: "denied" }]);
  });

  it("reviews once when two reviewers decide at the same time", async () => {
    const { orderId } = await paidOrder("highest");
    const [first, second] = [await staffMember("admin"), await staffMember("support", { reauthenticatedAt: new Date() })];
    const results = await Promise.all([
      reviewHeldOrder(first, { orderId, decision: "approve", note: "Approve it" }, context),
      reviewHeldOrder(second, { orderId, decision: "cancel", note: "Cancel it" }, context),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, code: "not_held" }]);
    const reviews = (await timelineTypes(orderId)).filter((type) => type === "review.approved" || type === "review.cancelled");
    expect(reviews).toHaveLength(1);
    expect(await db.refund.count({ where: { orderId } })).toBe(reviews[0] === "review.cancelled" ? 1 : 0);
  });

  it("refuses to review an order that is not held, and changes nothing", async () => {
    const { orderId } = await paidOrder();
    const admin = await staffMember("admin");
    expect(await reviewHeldOrder(admin, { orderId, decision: "approve", note: "Approve anyway" }, context)).toEqual({ ok: false, code: "not_held" });
    expect(await reviewHeldOrder(admin, { orderId, decision: "cancel", note: "Cancel anyway" }, context)).toEqual({ ok: false, code: "not_held" });
    expect(await orderOf(orderId)).toMatchObject({ fraudReview: "approved", cancelledAt: null });
    expect(await db.refund.count({ where: { orderId } })).toBe(0);
    expect(await auditOf(orderId, "order.review_approved")).toEqual([]);
  });

  it("cancels and refunds a held order with a note and a recent second factor", async () => {
    const { orderId, variantId } = await paidOrder("highest");
    const stale = await staffMember("support", { reauthenticatedAt: null });
    expect(await reviewHeldOrder(stale, { orderId, decision: "cancel", note: "Stolen card" }, context)).toEqual({ ok: false, code: "step_up_required" });
    expect(await reviewHeldOrder(stale, { orderId, decision: "approve", note: "  " }, context)).toEqual({ ok: false, code: "invalid_note" });
    const stockBefore = await stockOf(variantId);
    const reviewer = await staffMember("support");
    expect(await reviewHeldOrder(reviewer, { orderId, decision: "cancel", note: "Stolen card" }, context)).toEqual({ ok: true });
    expect((await orderOf(orderId)).fraudReview).toBe("cancelled");
    expect(await stockOf(variantId)).toBe(stockBefore + 2);
    expect(await db.refund.findMany({ where: { orderId }, select: { amountMinor: true, requestedById: true } })).toEqual([{ amountMinor: 4950, requestedById: reviewer.userId }]);
    expect(await auditOf(orderId, "order.review_cancelled")).toEqual([{ actorId: reviewer.userId, reason: "Stolen card", outcome: "success" }]);
    expect(await queuedNotices(orderId)).toContainEqual(expect.objectContaining({ notice: { kind: "cancelled" } }));
  });
});
