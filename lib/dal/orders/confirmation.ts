import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type MailContent, orderConfirmation } from "@/lib/mail/templates";
import type { MailMessage } from "@/lib/mail/transport";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { recordOrderEvent } from "./internal";
import { resolveOrderRecipient } from "./order-recipient";
import { orderLineName } from "@/lib/orders/order-line-name";

/** The columns of an order its confirmation mail shows. */
export const confirmationSelect = {
  number: true,
  currency: true,
  subtotalMinor: true,
  discountMinor: true,
  shippingMinor: true,
  taxMinor: true,
  taxIncluded: true,
  totalMinor: true,
  items: { select: { productName: true, variantTitle: true, quantity: true, lineTotalMinor: true }, orderBy: { productName: "asc" } },
} as const satisfies Prisma.OrderSelect;

type ConfirmedOrder = Prisma.OrderGetPayload<{ select: typeof confirmationSelect }>;

/** The confirmation mail of a paid order, addressed to `name`, linking to `orderLink`. */
export function confirmationMail(order: ConfirmedOrder, name: string, orderLink: string, guestLinkDays?: number): MailContent {
  return orderConfirmation({
    name,
    number: order.number,
    currency: order.currency,
    lines: order.items.map((item) => ({ name: orderLineName(item), quantity: item.quantity, lineTotalMinor: item.lineTotalMinor })),
    totals: order,
    orderLink,
    guestLinkDays,
  });
}

/** The `orders` job type that sends a paid order's confirmation. */
export const ORDER_CONFIRMATION_JOB = "order.confirmation";

/**
 * Queues the confirmation mail of a paid order inside the transaction that
 * marked it paid. The job names only the order: the worker resolves who to
 * write to and the link when it sends (a guest's link carries a status token
 * issued then), as for every order mail.
 */
export async function queueOrderConfirmation(tx: Prisma.TransactionClient, orderId: string): Promise<void> {
  await enqueueJob(tx, "orders", { type: ORDER_CONFIRMATION_JOB, orderId });
}

/**
 * Sends a paid order's confirmation (the worker's side of queueOrderConfirmation)
 * and puts it on the order's timeline. Returns whether a mail went out: an
 * erased account or an unreadable guest email has nobody to write to.
 */
export async function sendOrderConfirmation(orderId: string, send: (message: MailMessage) => Promise<void>): Promise<boolean> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: confirmationSelect });
  const recipient = order && (await resolveOrderRecipient(orderId));
  if (!order || !recipient) return false;
  const mail = confirmationMail(order, recipient.name, recipient.orderLink, recipient.guestLinkDays);
  await send({ to: recipient.email, ...mail });
  await recordOrderEvent(db, { orderId, type: "mail.sent", actor: "system", detail: { mail: mail.subject } });
  return true;
}
