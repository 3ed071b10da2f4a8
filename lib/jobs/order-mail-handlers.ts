import "server-only";
import { z } from "zod";
import { CUSTOMER_ORDER_MAIL_JOB, sendCustomerOrderMail } from "@/lib/dal/orders/customer-mail";
import { fanOutNewOrderStaffMail, STAFF_NEW_ORDER_MAIL_JOB } from "@/lib/dal/orders/staff-order-mail";
import { type MailMessage, sendMail } from "@/lib/mail/transport";
import { orderNoticeSchema } from "@/lib/orders/order-notice";
import type { JobContext } from "./job-types";

const orderId = z.string().min(1).max(40);

/** The `orders` jobs that send mail: ids and the notice only, never an address or a link. */
export const orderMailJobSchemas = [
  z.object({ type: z.literal(CUSTOMER_ORDER_MAIL_JOB), orderId, notice: orderNoticeSchema }),
  z.object({ type: z.literal(STAFF_NEW_ORDER_MAIL_JOB), orderId }),
] as const;

export type OrderMailJob = z.infer<(typeof orderMailJobSchemas)[number]>;

/** Runs an order mail job, sending customer mail through `send` (tests pass a sender pointed at their own SMTP server). */
export function createOrderMailJobHandler(send: (message: MailMessage) => Promise<void>) {
  return async (job: OrderMailJob, context?: JobContext): Promise<void> => {
    if (job.type === CUSTOMER_ORDER_MAIL_JOB) {
      const outcome = await sendCustomerOrderMail(job.orderId, job.notice, send);
      context?.log.info({ orderId: job.orderId, notice: job.notice.kind, outcome }, "customer order mail");
      return;
    }
    const queued = await fanOutNewOrderStaffMail(job.orderId);
    context?.log.info({ orderId: job.orderId, recipients: queued }, "staff new-order mail queued");
  };
}

export const handleOrderMailJob = createOrderMailJobHandler(sendMail);
