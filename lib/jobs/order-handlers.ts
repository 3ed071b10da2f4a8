import "server-only";
import { z } from "zod";
import { ORDER_CONFIRMATION_JOB, sendOrderConfirmation } from "@/lib/dal/orders/confirmation";
import { sendMail } from "@/lib/mail/transport";
import { expireReservation } from "@/lib/dal/orders/reservations";
import { refundStrayPayment } from "@/lib/dal/payments/stray-payments";
import { sendQueuedRefund } from "@/lib/dal/payments/queued-refunds";
import { FRAUD_REFUND_JOB } from "@/lib/dal/orders/fraud/cancel";
import { assessIfUnscored, FRAUD_ASSESS_JOB } from "@/lib/dal/orders/fraud/assess";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";
import { type JobHandler, PermanentJobError } from "./job-types";
import { handleOrderMailJob, orderMailJobSchemas } from "./order-mail-handlers";

const orderJobSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("reservation.expire"), orderId: z.string().min(1).max(40) }),
  z.object({ type: z.literal("stray-payment.refund"), strayPaymentId: z.string().min(1).max(40), orderId: z.string().min(1).max(40) }),
  ...orderMailJobSchemas,
  z.object({ type: z.literal(ORDER_CONFIRMATION_JOB), orderId: z.string().min(1).max(40) }),
  z.object({ type: z.literal(FRAUD_REFUND_JOB), orderId: z.string().min(1).max(40), refundId: z.string().min(1).max(40) }),
  z.object({ type: z.literal(FRAUD_ASSESS_JOB), orderId: z.string().min(1).max(40) }),
]);

/**
 * `orders` jobs:
 * - reservation.expire cancels an unpaid order when its reservation ends,
 *   then closes its hosted checkout so it can no longer be paid;
 * - stray-payment.refund refunds a payment that arrived for a replaced
 *   checkout or a settled order (a failure is retried; the gateway's
 *   idempotency key keeps retries from refunding twice);
 * - customer-order-mail and staff-new-order-mail tell the customer or the
 *   opted-in staff about the order (order-mail-handlers.ts).
 * - fraud-refund.send refunds an order the fraud review cancelled (retried
 *   on failure under the refund's idempotency key);
 * - fraud.assess scores a paid order whose charge event never matched it
 *   (lib/dal/orders/fraud/assess.ts), so every paid order is scored;
 * - order.confirmation mails a paid order's confirmation (a guest's carries a
 *   status link whose token is issued now, as the mail goes; the job names
 *   only the order).
 */
export const handleOrderJob: JobHandler = async (data, context) => {
  const parsed = orderJobSchema.safeParse(data);
  if (!parsed.success) throw new PermanentJobError("Invalid order job data.");
  const job = parsed.data;
  if (job.type === "customer-order-mail" || job.type === "staff-new-order-mail") return handleOrderMailJob(job, context);
  if (job.type === "stray-payment.refund") {
    const gateway = paymentGateway();
    if (!gateway) throw new Error("No payment gateway is configured: the stray payment cannot be refunded yet.");
    const outcome = await refundStrayPayment(job.strayPaymentId, gateway);
    context?.log.info({ strayPaymentId: job.strayPaymentId, outcome }, "stray payment refund");
    return;
  }
  if (job.type === FRAUD_REFUND_JOB) {
    const gateway = paymentGateway();
    if (!gateway) throw new Error("No payment gateway is configured: the fraud cancellation cannot be refunded yet.");
    const outcome = await sendQueuedRefund(job.refundId, gateway);
    context?.log.info({ orderId: job.orderId, outcome }, "fraud cancellation refund");
    return;
  }
  if (job.type === FRAUD_ASSESS_JOB) {
    const decision = await assessIfUnscored(job.orderId);
    context?.log.info({ orderId: job.orderId, decision }, "fraud assessment without a charge event");
    return;
  }
  if (job.type === ORDER_CONFIRMATION_JOB) {
    const sent = await sendOrderConfirmation(job.orderId, sendMail);
    context?.log.info({ orderId: job.orderId, sent }, "order confirmation");
    return;
  }
  const result = await expireReservation(job.orderId);
  if (result.outcome === "not_due") throw new Error("The reservation has not ended yet; retrying later.");
  if (result.outcome === "cancelled" && result.checkoutSessionId) {
    await paymentGateway()?.expireCheckout(result.checkoutSessionId);
  }
  context?.log.info({ orderId: job.orderId, outcome: result.outcome }, "reservation expiry");
};
