import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newOrderStaffMail } from "@/lib/mail/templates";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { newOrderMailRecipients } from "@/lib/dal/staff/notifications";

/** The `orders` job type that mails staff about a newly paid order. */
export const STAFF_NEW_ORDER_MAIL_JOB = "staff-new-order-mail";

/** Queues the staff new-order mail inside the transaction that marks the order paid (one job, the order id only). */
export async function queueNewOrderStaffMail(tx: Prisma.TransactionClient, orderId: string): Promise<void> {
  await enqueueJob(tx, "orders", { type: STAFF_NEW_ORDER_MAIL_JOB, orderId });
}

/**
 * The worker's side: one `mail` job per opted-in staff member, all queued in
 * one transaction, so each is delivered (and retried) on its own and a retry
 * of this job never mails anybody twice. The mail carries the order's number,
 * total, item count and admin link: no customer data. Returns how many were queued.
 */
export async function fanOutNewOrderStaffMail(orderId: string): Promise<number> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { number: true, totalMinor: true, currency: true, items: { select: { quantity: true } } },
  });
  if (!order) return 0;
  const recipients = await newOrderMailRecipients();
  const itemCount = order.items.reduce((sum, item) => sum + item.quantity, 0);
  const adminLink = `${env.SITE_URL}/admin/orders/${orderId}`;
  await db.$transaction(async (tx) => {
    for (const recipient of recipients) {
      const mail = newOrderStaffMail({ name: recipient.name, number: order.number, totalMinor: order.totalMinor, currency: order.currency, itemCount, adminLink });
      await enqueueJob(tx, "mail", { to: recipient.email, ...mail });
    }
  });
  return recipients.length;
}
