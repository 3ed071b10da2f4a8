import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { type PaymentGateway, strayRefundId } from "@/lib/payments/gateway";
import { canChangePayment, type PaymentStatus } from "@/lib/orders/payment-status";
import { recordOrderEvent } from "@/lib/dal/orders/internal";
import { raiseAlert } from "@/lib/dal/audit/insider-alerts";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import type { RequestContext } from "@/lib/context/request-context";

/** A completed payment that does not belong to its order's current, unpaid checkout. */
export type StrayPaymentInput = {
  checkoutSessionId: string;
  paymentIntentId: string | null;
  amountMinor: number;
  currency: string;
  /** Why it is stray, for the hold reason, the security event and the alert. */
  why: "stale_checkout" | "order_settled" | "order_cancelled";
};

type HeldOrder = { id: string; number: string; userId: string | null; paymentStatus: PaymentStatus };

const HOLD_REASONS: Record<StrayPaymentInput["why"], string> = {
  stale_checkout: "Paid through a replaced checkout: that payment is being refunded.",
  order_settled: "A second payment arrived for this order: it is being refunded.",
  order_cancelled: "Payment received after the order was cancelled: it is being refunded.",
};

/**
 * Handles a stray payment inside the webhook's transaction (the order row is
 * locked): the order goes on hold where its status allows, a security event
 * and a staff alert are raised, and a full refund is queued as a job, so the
 * webhook answers fast and the gateway call can be retried. The payment
 * intent is unique in StrayPayment: the same payment reported again (another
 * event, a redelivery) is recorded, alerted and refunded once. Returns false
 * when this payment was already recorded.
 */
export async function holdStrayPayment(
  tx: Prisma.TransactionClient,
  order: HeldOrder,
  payment: StrayPaymentInput,
  context: RequestContext,
): Promise<boolean> {
  let strayPaymentId: string | null = null;
  if (payment.paymentIntentId) {
    const recorded = await tx.strayPayment.createMany({
      data: [
        {
          orderId: order.id,
          checkoutSessionId: payment.checkoutSessionId,
          paymentIntentId: payment.paymentIntentId,
          amountMinor: payment.amountMinor,
          currency: payment.currency,
        },
      ],
      skipDuplicates: true,
    });
    if (recorded.count === 0) return false;
    const row = await tx.strayPayment.findUniqueOrThrow({ where: { paymentIntentId: payment.paymentIntentId }, select: { id: true } });
    strayPaymentId = row.id;
    await enqueueJob(tx, "orders", { type: "stray-payment.refund", strayPaymentId, orderId: order.id });
  }
  const holdReason = HOLD_REASONS[payment.why];
  if (canChangePayment(order.paymentStatus, "on_hold")) {
    await tx.order.update({ where: { id: order.id }, data: { paymentStatus: "on_hold", holdReason } });
    await recordOrderEvent(tx, { orderId: order.id, type: "payment.on_hold", actor: "system", detail: { reason: holdReason } });
  }
  const details = { orderId: order.id, why: payment.why, amountMinor: payment.amountMinor, currency: payment.currency, refundQueued: !!strayPaymentId };
  await recordSecurityEvent(tx, {
    type: payment.why === "order_cancelled" ? "payment_after_cancellation" : "stray_payment",
    userId: order.userId,
    context,
    details,
  });
  await raiseAlert(tx, {
    kind: "stray_payment",
    actorId: order.userId,
    message: `Order ${order.number}: ${holdReason}${strayPaymentId ? "" : " No payment reference came with it: refund it by hand."}`,
    details,
  });
  logger.warn({ orderId: order.id, why: payment.why }, "stray payment: order held, refund queued");
  return true;
}

export type StrayRefundOutcome = "refunded" | "already_refunded" | "unknown";

/**
 * Refunds a stray payment in full through the gateway. The idempotency key
 * comes from the payment intent (`refund:stray:<payment intent>`), so a retry
 * after a crash between the gateway's answer and the update below returns
 * the same refund instead of making a second one.
 */
export async function refundStrayPayment(strayPaymentId: string, gateway: PaymentGateway, now = new Date()): Promise<StrayRefundOutcome> {
  const stray = await db.strayPayment.findUnique({
    where: { id: strayPaymentId },
    select: { orderId: true, paymentIntentId: true, amountMinor: true, refundedAt: true },
  });
  if (!stray) return "unknown";
  if (stray.refundedAt) return "already_refunded";
  const { gatewayRefundId } = await gateway.refund({
    orderId: stray.orderId,
    refundId: strayRefundId(stray.paymentIntentId),
    paymentIntentId: stray.paymentIntentId,
    amountMinor: stray.amountMinor,
  });
  await db.strayPayment.update({ where: { id: strayPaymentId }, data: { gatewayRefundId, refundedAt: now } });
  return "refunded";
}
