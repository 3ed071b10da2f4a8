import "server-only";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { orderConfirmation } from "@/lib/mail/templates";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";

/** Queues the confirmation mail of a paid order inside the transaction that marked it paid. */
export async function queueOrderConfirmation(tx: Prisma.TransactionClient, orderId: string): Promise<void> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      number: true,
      currency: true,
      subtotalMinor: true,
      shippingMinor: true,
      taxMinor: true,
      totalMinor: true,
      user: { select: { name: true, email: true } },
      items: { select: { productName: true, quantity: true, lineTotalMinor: true }, orderBy: { productName: "asc" } },
    },
  });
  if (!order?.user) return; // the customer erased their account meanwhile: nobody to write to
  const mail = orderConfirmation({
    name: order.user.name,
    number: order.number,
    currency: order.currency,
    lines: order.items.map((item) => ({ name: item.productName, quantity: item.quantity, lineTotalMinor: item.lineTotalMinor })),
    totals: order,
    orderLink: `${env.SITE_URL}/account/orders/${orderId}`,
  });
  await enqueueJob(tx, "mail", { to: order.user.email, ...mail });
}
