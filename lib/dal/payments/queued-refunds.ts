import "server-only";
import { db } from "@/lib/db";
import type { PaymentGateway } from "@/lib/payments/gateway";

// Apart from refunds.ts: the worker runs this, and must not load the request-bound step-up guard that file needs.
export type QueuedRefundOutcome = "sent" | "already_sent" | "unknown";

/**
 * Sends a refund the shop claimed on its own (a fraud cancellation) to the
 * gateway: the worker's side of the queued job. The idempotency key comes
 * from the refund's id, so a retry after a crash between the gateway's answer
 * and the update returns the same refund instead of making a second one; a
 * failed call throws and the job is retried (the money must go back).
 */
export async function sendQueuedRefund(refundId: string, gateway: PaymentGateway): Promise<QueuedRefundOutcome> {
  const refund = await db.refund.findUnique({
    where: { id: refundId },
    select: { orderId: true, amountMinor: true, status: true, gatewayRefundId: true, order: { select: { paymentIntentId: true } } },
  });
  if (!refund?.order.paymentIntentId || refund.status === "failed") return "unknown";
  if (refund.gatewayRefundId) return "already_sent";
  const { gatewayRefundId } = await gateway.refund({
    orderId: refund.orderId,
    refundId,
    paymentIntentId: refund.order.paymentIntentId,
    amountMinor: refund.amountMinor,
  });
  await db.refund.update({ where: { id: refundId }, data: { gatewayRefundId } });
  return "sent";
}
