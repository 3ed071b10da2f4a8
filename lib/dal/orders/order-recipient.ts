import "server-only";
import { isErasedAccountEmail } from "@/lib/accounts/erased-account";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** Who is told about an order, and the link their mail carries to it. */
export type OrderRecipient = { name: string; email: string; orderLink: string };

/**
 * The one place that decides who hears about an order and where their mail
 * links to. Called by the worker just before it sends, never when the job is
 * queued, so neither an address nor a link is ever stored in a job; a link
 * that carries a credential (a guest's status link) is to be issued here,
 * at send time, and stored only as a hash.
 *
 * Today an order belongs to an account: its holder's name and address, and
 * the account's order page. An order whose account was erased (no user, or
 * the erased placeholder address) has nobody to write to: null.
 */
export async function resolveOrderRecipient(orderId: string): Promise<OrderRecipient | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { id: true, user: { select: { name: true, email: true } } },
  });
  if (!order?.user || isErasedAccountEmail(order.user.email)) return null;
  return { name: order.user.name, email: order.user.email, orderLink: `${env.SITE_URL}/account/orders/${order.id}` };
}
