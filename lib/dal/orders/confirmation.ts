import "server-only";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type MailContent, orderConfirmation } from "@/lib/mail/templates";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";

/** The columns of an order its confirmation mail shows. */
export const confirmationSelect = {
  number: true,
  currency: true,
  subtotalMinor: true,
  shippingMinor: true,
  taxMinor: true,
  totalMinor: true,
  items: { select: { productName: true, quantity: true, lineTotalMinor: true }, orderBy: { productName: "asc" } },
} as const satisfies Prisma.OrderSelect;

type ConfirmedOrder = Prisma.OrderGetPayload<{ select: typeof confirmationSelect }>;

/** The confirmation mail of a paid order, addressed to `name`, linking to `orderLink`. */
export function confirmationMail(order: ConfirmedOrder, name: string, orderLink: string, guestLinkDays?: number): MailContent {
  return orderConfirmation({
    name,
    number: order.number,
    currency: order.currency,
    lines: order.items.map((item) => ({ name: item.productName, quantity: item.quantity, lineTotalMinor: item.lineTotalMinor })),
    totals: order,
    orderLink,
    guestLinkDays,
  });
}

/**
 * Queues the confirmation mail of a paid order inside the transaction that
 * marked it paid. An account's mail is queued whole (its link holds no
 * secret); a guest's is queued as an `orders` job that only names the order,
 * because its link carries a status token the worker issues when it sends.
 */
export async function queueOrderConfirmation(tx: Prisma.TransactionClient, orderId: string): Promise<void> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { ...confirmationSelect, user: { select: { name: true, email: true } }, guestContact: { select: { orderId: true } } },
  });
  if (order?.user) {
    const mail = confirmationMail(order, order.user.name, `${env.SITE_URL}/account/orders/${orderId}`);
    await enqueueJob(tx, "mail", { to: order.user.email, ...mail });
    return;
  }
  if (order?.guestContact) await enqueueJob(tx, "orders", { type: "guest-order.confirmation", orderId });
  // Otherwise the customer erased their account meanwhile: nobody to write to.
}
