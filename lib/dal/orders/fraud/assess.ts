import "server-only";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { decideOnRisk, type RiskDecision, scoreOrderRisk } from "@/lib/orders/fraud/score";
import { lockOrder, recordOrderEvent } from "../internal";
import { cancelPaidOrderForFraud } from "./cancel";
import { loadRiskFacts } from "./facts";

/** The configured thresholds (lib/env.ts checks cancel > hold). */
export function fraudThresholds() {
  return { holdScore: env.FRAUD_HOLD_SCORE, cancelScore: env.FRAUD_CANCEL_SCORE };
}

/**
 * Scores a paid order once, in the payment event's transaction (the order
 * row is locked there): the score, its reasons and the decision are stored on
 * the order and put on its timeline (for staff only: a buyer under suspicion
 * is not told why). Below the hold score the order goes on as usual; from it,
 * packing and shipping wait for a reviewer; from the cancel score the order is
 * cancelled and refunded at once. An order scored before (a redelivered or a
 * second charge event) is left alone: returns null.
 */
export async function assessPaidOrder(tx: Prisma.TransactionClient, orderId: string, now: Date): Promise<RiskDecision | null> {
  const current = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { riskAssessedAt: true, paymentStatus: true } });
  if (current.riskAssessedAt || current.paymentStatus !== "paid") return null;
  const { score, reasons } = scoreOrderRisk(await loadRiskFacts(tx, orderId, now), now);
  const decision = decideOnRisk(score, fraudThresholds());
  await tx.order.update({
    where: { id: orderId },
    data: { riskScore: score, riskReasons: reasons, riskAssessedAt: now, fraudReview: decision === "approved" ? "approved" : "held" },
  });
  await recordOrderEvent(tx, {
    orderId,
    type: "review.scored",
    actor: "system",
    detail: { score, reason: decision === "approved" ? "approved" : decision === "held" ? "held for review" : "cancelled and refunded" },
    customerVisible: false,
  });
  if (decision === "cancelled") await cancelPaidOrderForFraud(tx, orderId, now, { actor: "system" });
  if (decision !== "approved") logger.warn({ orderId, score, decision }, "fraud review: order not approved");
  return decision;
}

export const FRAUD_ASSESS_JOB = "fraud.assess";

/**
 * How long a paid order waits for its charge event before it is scored
 * without it. Stripe does not promise the order of events: when
 * charge.succeeded comes before checkout.session.completed it names a
 * payment the shop cannot match yet, and the processor's risk level is lost.
 */
export const CHARGE_WAIT_SECONDS = 120;

/** Queued with the payment (same transaction): scores the order later if no charge event has done it. */
export async function queueFallbackAssessment(tx: Prisma.TransactionClient, orderId: string): Promise<void> {
  await enqueueJob(tx, "orders", { type: FRAUD_ASSESS_JOB, orderId }, { startAfter: CHARGE_WAIT_SECONDS });
}

/** The worker's side of queueFallbackAssessment: every paid order is scored, with or without the processor's view. */
export async function assessIfUnscored(orderId: string, now = new Date()): Promise<RiskDecision | null> {
  return db.$transaction(async (tx) => ((await lockOrder(tx, orderId)) ? assessPaidOrder(tx, orderId, now) : null));
}
