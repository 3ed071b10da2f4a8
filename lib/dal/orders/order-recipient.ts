import "server-only";
import { isErasedAccountEmail } from "@/lib/accounts/erased-account";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { guestEmailSelect, openGuestEmail } from "./guest-contact";
import { openShippingAddress, shippingAddressSelect } from "./shipping-address";
import { issueOrderStatusLink } from "./status-links";

/**
 * Who is told about an order, and the link their mail carries to it.
 * `guestLinkDays` says how long a guest's status link works (absent for an
 * account's order page).
 */
export type OrderRecipient = { name: string; email: string; orderLink: string; guestLinkDays?: number };

/**
 * The one place that decides who hears about an order and where their mail
 * links to, for every order mail (confirmation, shipped, refunded, returns).
 * Called by the worker just before it sends, never when the job is queued, so
 * neither an address nor a link is ever stored in a job: a guest's status
 * link carries a token, issued here and stored only as a hash.
 *
 * - An account's order: the holder's name and email, and the account's order page.
 * - A guest order: the email given at checkout (decrypted), the shipping
 *   recipient's name, and a freshly issued status link.
 * - Nobody (null): the account was erased, or the guest's email does not decrypt.
 */
export async function resolveOrderRecipient(orderId: string): Promise<OrderRecipient | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { ...shippingAddressSelect, id: true, user: { select: { name: true, email: true } }, guestContact: { select: guestEmailSelect } },
  });
  if (!order) return null;
  if (order.user) {
    if (isErasedAccountEmail(order.user.email)) return null;
    return { name: order.user.name, email: order.user.email, orderLink: `${env.SITE_URL}/account/orders/${order.id}` };
  }
  const email = order.guestContact ? openGuestEmail(order.guestContact) : null;
  if (!email) return null;
  const name = openShippingAddress(order)?.recipientName ?? "";
  return { name, email, orderLink: await issueOrderStatusLink(order.id), guestLinkDays: env.ORDER_STATUS_LINK_DAYS };
}
