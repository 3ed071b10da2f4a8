import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CheckoutLine, CreateCheckoutInput } from "@/lib/payments/gateway";
import {
  checkoutSessionObject,
  chargeObject,
  type StripeEventEnvelope,
  stripeEvent,
  type TestCheckoutState,
  testObjectId,
} from "@/lib/payments/test-gateway/stripe-objects";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";

/**
 * The offline test gateway's side of the table: it plays Stripe, keeping its
 * own record of each hosted checkout and sending Stripe-format events through
 * the job queue (the worker signs and posts them to the webhook endpoint, and
 * retries like Stripe). It never touches the shop's orders directly.
 */
export type TestOutcome = "pay" | "pay_risky" | "pay_later" | "decline" | "abandon";

/** How long after checkout a delayed (bank-debit-like) payment reports its result. */
export const ASYNC_RESULT_DELAY_SECONDS = 3;

const linesSchema = z.array(z.object({ name: z.string(), unitAmountMinor: z.number().int(), quantity: z.number().int() }));
const refundsSchema = z.array(z.object({ id: z.string(), amount: z.number().int(), key: z.string() }));

const stateSelect = {
  id: true,
  orderId: true,
  orderNumber: true,
  paymentIntentId: true,
  chargeId: true,
  currency: true,
  amountTotal: true,
  amountDiscount: true,
  discountName: true,
  amountRefunded: true,
  customerEmail: true,
  successUrl: true,
  cancelUrl: true,
  status: true,
  paymentStatus: true,
  createdAt: true,
  expiresAt: true,
  lineItems: true,
  refunds: true,
} as const;

type Row = Prisma.TestGatewaySessionGetPayload<{ select: typeof stateSelect }>;

function stateOf(row: Row): TestCheckoutState {
  return {
    ...row,
    status: row.status === "complete" || row.status === "expired" ? row.status : "open",
    paymentStatus: row.paymentStatus === "paid" ? "paid" : "unpaid",
  };
}

export async function createTestCheckout(input: CreateCheckoutInput, idempotencyKey: string): Promise<string> {
  const linesTotal = input.lines.reduce((sum, line) => sum + line.unitAmountMinor * line.quantity, 0);
  // As Stripe applies an amount_off coupon: off the lines' sum, never below zero.
  const amountDiscount = Math.min(Math.max(input.discount?.amountMinor ?? 0, 0), linesTotal);
  const amountTotal = linesTotal - amountDiscount;
  await db.testGatewaySession.createMany({
    data: [
      {
        id: testObjectId("cs_test"),
        idempotencyKey,
        orderId: input.orderId,
        orderNumber: input.orderNumber,
        paymentIntentId: testObjectId("pi_test"),
        chargeId: testObjectId("ch_test"),
        currency: input.currency,
        amountTotal,
        amountDiscount,
        discountName: amountDiscount > 0 ? (input.discount?.name.slice(0, 40) ?? null) : null,
        lineItems: input.lines,
        customerEmail: input.customerEmail,
        successUrl: input.successUrl,
        cancelUrl: input.cancelUrl,
        status: "open",
        paymentStatus: "unpaid",
        expiresAt: input.expiresAt,
      },
    ],
    skipDuplicates: true, // a retried create (same key) returns the checkout made the first time
  });
  const row = await db.testGatewaySession.findUniqueOrThrow({ where: { idempotencyKey }, select: { id: true } });
  return row.id;
}

export type TestCheckoutView = {
  id: string;
  orderNumber: string;
  currency: string;
  amountTotal: number;
  lines: CheckoutLine[];
  /** The coupon taken off the lines, as Stripe's page shows it; null: none. */
  discount: { name: string; amountMinor: number } | null;
  open: boolean;
  cancelUrl: string;
};

export async function getTestCheckout(id: string, now = new Date()): Promise<TestCheckoutView | null> {
  const row = await db.testGatewaySession.findUnique({ where: { id }, select: stateSelect });
  if (!row) return null;
  return {
    id: row.id,
    orderNumber: row.orderNumber,
    currency: row.currency,
    amountTotal: row.amountTotal,
    lines: linesSchema.parse(row.lineItems),
    discount: row.amountDiscount > 0 ? { name: row.discountName ?? "Discount", amountMinor: row.amountDiscount } : null,
    open: row.status === "open" && row.expiresAt > now,
    cancelUrl: row.cancelUrl,
  };
}

/** A test checkout's status as Stripe would report it (open, complete or expired) and when it ends. */
export async function readTestCheckoutState(id: string): Promise<{ status: TestCheckoutState["status"]; expiresAt: Date } | null> {
  const row = await db.testGatewaySession.findUnique({ where: { id }, select: stateSelect });
  return row ? { status: stateOf(row).status, expiresAt: row.expiresAt } : null;
}

async function lockSession(tx: Prisma.TransactionClient, where: { id: string } | { paymentIntentId: string }) {
  const found = await tx.testGatewaySession.findUnique({ where, select: { id: true } });
  if (!found) return null;
  await tx.$queryRaw`SELECT id FROM "TestGatewaySession" WHERE id = ${found.id} FOR UPDATE`;
  return tx.testGatewaySession.findUniqueOrThrow({ where: { id: found.id }, select: stateSelect });
}

/** Queues events for delivery, in order, in one job (a retry redelivers them all; the webhook de-duplicates). */
function deliver(tx: Prisma.TransactionClient, events: StripeEventEnvelope[], delaySeconds = 0) {
  return enqueueJob(tx, "payment-events", { events }, delaySeconds > 0 ? { startAfter: delaySeconds } : {});
}

/**
 * The shopper's choice on the test payment page, played as Stripe plays it:
 * - pay: checkout.session.completed (paid), then charge.succeeded;
 * - pay_risky: the same, with the charge rated "highest" risk by the processor (the fraud review holds it);
 * - pay_later: completed (unpaid) now, async_payment_succeeded a moment later;
 * - decline: completed (unpaid) now, async_payment_failed a moment later (the bank refused);
 * - abandon: checkout.session.expired, and the shopper goes back to the shop.
 * Returns where the shopper goes next, or null when the checkout is no longer open.
 */
export async function settleTestCheckout(id: string, outcome: TestOutcome, now = new Date()): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const row = await lockSession(tx, { id });
    if (!row || row.status !== "open" || row.expiresAt <= now) return null;
    if (outcome === "abandon") {
      const expired = await tx.testGatewaySession.update({ where: { id }, data: { status: "expired" }, select: stateSelect });
      await deliver(tx, [stripeEvent("checkout.session.expired", checkoutSessionObject(stateOf(expired)), now)]);
      return row.cancelUrl;
    }
    const paidNow = outcome === "pay" || outcome === "pay_risky";
    const completed = await tx.testGatewaySession.update({
      where: { id },
      data: { status: "complete", paymentStatus: paidNow ? "paid" : "unpaid" },
      select: stateSelect,
    });
    const state = stateOf(completed);
    const events = [stripeEvent("checkout.session.completed", checkoutSessionObject(state), now)];
    if (paidNow) events.push(stripeEvent("charge.succeeded", chargeObject(state, [], outcome === "pay_risky" ? "highest" : "normal"), now));
    await deliver(tx, events);
    if (!paidNow) await deliverAsyncResult(tx, state, outcome === "pay_later", now);
    return row.successUrl;
  });
}

async function deliverAsyncResult(tx: Prisma.TransactionClient, state: TestCheckoutState, succeeded: boolean, now: Date) {
  if (succeeded) {
    await tx.testGatewaySession.update({ where: { id: state.id }, data: { paymentStatus: "paid" } });
    const paid = { ...state, paymentStatus: "paid" as const };
    const events = [
      stripeEvent("checkout.session.async_payment_succeeded", checkoutSessionObject(paid), now),
      stripeEvent("charge.succeeded", chargeObject(paid), now),
    ];
    await deliver(tx, events, ASYNC_RESULT_DELAY_SECONDS);
  } else {
    await deliver(tx, [stripeEvent("checkout.session.async_payment_failed", checkoutSessionObject(state), now)], ASYNC_RESULT_DELAY_SECONDS);
  }
}

/** Ends an open checkout (the shop's reservation expired), as Stripe's "expire a session" does. */
export async function expireTestCheckout(id: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await lockSession(tx, { id });
    if (!row || row.status !== "open") return;
    const expired = await tx.testGatewaySession.update({ where: { id }, data: { status: "expired" }, select: stateSelect });
    await deliver(tx, [stripeEvent("checkout.session.expired", checkoutSessionObject(stateOf(expired)), now)]);
  });
}

/** Why the test processor refuses a refund, as Stripe would; the gateway adapter words it. */
export const TEST_REFUND_ERROR_CODES = { noCapturedPayment: "no_captured_payment", exceedsPayment: "exceeds_payment" } as const;

export type TestRefundErrorCode = (typeof TEST_REFUND_ERROR_CODES)[keyof typeof TEST_REFUND_ERROR_CODES];

/** A refund the test processor refuses: a code, no text (thrown so the transaction changes nothing). */
export class TestRefundError extends Error {
  override name = "TestRefundError";
  constructor(readonly code: TestRefundErrorCode) {
    super(code);
  }
}

/**
 * Refunds part or all of a test payment, idempotently by `key`, and sends
 * charge.refunded with the cumulative amount refunded, as Stripe does.
 */
export async function refundTestPayment(paymentIntentId: string, amountMinor: number, key: string, now = new Date()): Promise<string> {
  return db.$transaction(async (tx) => {
    const row = await lockSession(tx, { paymentIntentId });
    if (!row || row.paymentStatus !== "paid") throw new TestRefundError(TEST_REFUND_ERROR_CODES.noCapturedPayment);
    const refunds = refundsSchema.parse(row.refunds);
    const earlier = refunds.find((refund) => refund.key === key);
    if (earlier) return earlier.id;
    if (!Number.isInteger(amountMinor) || amountMinor <= 0 || row.amountRefunded + amountMinor > row.amountTotal) {
      throw new TestRefundError(TEST_REFUND_ERROR_CODES.exceedsPayment);
    }
    const refund = { id: `re_test_${createHash("sha256").update(key).digest("base64url").slice(0, 24)}`, amount: amountMinor, key };
    const updated = await tx.testGatewaySession.update({
      where: { id: row.id },
      data: { amountRefunded: { increment: amountMinor }, refunds: [...refunds, refund] },
      select: stateSelect,
    });
    const all = [...refunds, refund].map(({ id, amount }) => ({ id, amount }));
    await deliver(tx, [stripeEvent("charge.refunded", chargeObject(stateOf(updated), all), now)]);
    return refund.id;
  });
}
