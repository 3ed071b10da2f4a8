import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { queueCustomerOrderMail } from "../customer-mail";
import { recordOrderEvent, releaseReservedStock } from "../internal";
import { releaseOrderDiscount } from "@/lib/dal/discounts/redemptions";

/** The `orders` job that sends a fraud cancellation's refund to the gateway (lib/jobs/order-handlers.ts). */
export const FRAUD_REFUND_JOB = "fraud-refund.send";

/** Who cancelled: the score itself, or a staff reviewer. */
export type FraudCancelBy = { actor: "system" } | { actor: "staff"; staffId: string };

/**
 * Cancels a paid order the fraud review rejected, in the caller's
 * transaction with the order row locked: the parcel is blocked for good
 * (fraudReview "cancelled"), the reserved stock goes back (once), everything
 * of the payment not yet refunded or being refunded is claimed as one refund
 * and queued for the gateway (a job, so the webhook or the page answers fast
 * and a failed call is retried under the refund's idempotency key), and the
 * customer is told. The order's payment status follows when the processor's
 * charge.refunded arrives, as for every refund. Returns the refund's id, or
 * null when nothing was left to refund.
 */
export async function cancelPaidOrderForFraud(tx: Prisma.TransactionClient, orderId: string, now: Date, by: FraudCancelBy): Promise<string | null> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { capturedMinor: true, paymentIntentId: true } });
  await tx.order.update({ where: { id: orderId }, data: { fraudReview: "cancelled", cancelledAt: now } });
  await releaseReservedStock(tx, orderId, now);
  // The whole payment goes back, so the buyer's use of a discount code does too.
  await releaseOrderDiscount(tx, orderId, now);
  const committed = await tx.refund.aggregate({ where: { orderId, status: { in: ["pending", "succeeded"] } }, _sum: { amountMinor: true } });
  const left = order.capturedMinor - (committed._sum.amountMinor ?? 0);
  let refundId: string | null = null;
  if (left > 0 && order.paymentIntentId) {
    const staffId = by.actor === "staff" ? by.staffId : null;
    const refund = await tx.refund.create({
      data: { orderId, amountMinor: left, reason: "Cancelled by the fraud review.", requestedById: staffId },
      select: { id: true },
    });
    refundId = refund.id;
    await enqueueJob(tx, "orders", { type: FRAUD_REFUND_JOB, orderId, refundId });
  }
  // The customer reads "cancelled" and, when the money is back, "refunded"; the review's reasons stay with staff.
  await recordOrderEvent(tx, { orderId, type: "payment.cancelled", actor: by.actor, staffId: by.actor === "staff" ? by.staffId : null });
  await queueCustomerOrderMail(tx, orderId, { kind: "cancelled" });
  return refundId;
}
