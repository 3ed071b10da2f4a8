import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { orderNoticeMail } from "@/lib/mail/templates";
import type { MailMessage } from "@/lib/mail/transport";
import { type OrderNotice, type OrderNoticeInput, orderNoticeSchema } from "@/lib/orders/order-notice";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { recordOrderEvent } from "./internal";
import { resolveOrderRecipient } from "./order-recipient";

/** The `orders` job type that mails a customer about their order. */
export const CUSTOMER_ORDER_MAIL_JOB = "customer-order-mail";

/**
 * The one way to tell a customer about their order (shipped, delivered,
 * refunded, cancelled, a return's progress). Call it inside the transaction
 * that makes the change: the mail is queued if and only if the change commits.
 *
 *   await queueCustomerOrderMail(tx, orderId, { kind: "shipped", carrier: "ups", trackingNumber });
 *   await queueCustomerOrderMail(tx, orderId, { kind: "delivered" });
 *   await queueCustomerOrderMail(tx, orderId, { kind: "refunded", amountMinor: thisRefund, full });
 *   await queueCustomerOrderMail(tx, orderId, { kind: "cancelled", reason }); // reason optional, shown to the customer
 *   await queueCustomerOrderMail(tx, orderId, { kind: "return", stage: "rejected", reason });
 *
 * `notice` is validated here (a malformed one throws and rolls the change
 * back). The job holds the order id and the notice only: the worker resolves
 * the recipient and the order link when it sends (resolveOrderRecipient), so
 * no address, name or tokened link ever sits in the queue. The paid-order
 * confirmation is queued separately (queueOrderConfirmation).
 */
export async function queueCustomerOrderMail(tx: Prisma.TransactionClient, orderId: string, notice: OrderNoticeInput): Promise<void> {
  const parsed = orderNoticeSchema.parse(notice);
  await enqueueJob(tx, "orders", { type: CUSTOMER_ORDER_MAIL_JOB, orderId, notice: parsed });
}

/** What became of a customer order mail: sent, or nobody to write to (erased account, order gone). */
export type CustomerOrderMailOutcome = "sent" | "no_recipient";

/** Sends one customer order mail (the worker's side of queueCustomerOrderMail). A failed send throws, so the job is retried. */
export async function sendCustomerOrderMail(
  orderId: string,
  notice: OrderNotice,
  send: (message: MailMessage) => Promise<void>,
): Promise<CustomerOrderMailOutcome> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { number: true, currency: true } });
  if (!order) return "no_recipient";
  const recipient = await resolveOrderRecipient(orderId);
  if (!recipient) return "no_recipient";
  const mail = orderNoticeMail(notice, { ...order, name: recipient.name, orderLink: recipient.orderLink });
  await send({ to: recipient.email, ...mail });
  // On the timeline once it has left: the subject says which mail, never to whom.
  await recordOrderEvent(db, { orderId, type: "mail.sent", actor: "system", detail: { mail: mail.subject } });
  return "sent";
}
