import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/transport";
import { confirmationMail, confirmationSelect } from "./confirmation";
import { guestEmailSelect, openGuestEmail } from "./guest-contact";
import { openShippingAddress, shippingAddressSelect } from "./shipping-address";
import { issueOrderStatusLink } from "./status-links";

/**
 * Who an order's mail goes to: the account's email and name, or for a guest
 * order the email given at checkout (decrypted) with the shipping recipient's
 * name. Null when there is nobody to write to (the account was erased, or the
 * stored address does not decrypt). Every order mail (confirmation, shipped,
 * refunded, returns) asks here.
 */
export async function orderRecipient(orderId: string): Promise<{ email: string; name: string } | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { user: { select: { email: true, name: true } }, guestContact: { select: guestEmailSelect }, ...shippingAddressSelect },
  });
  if (!order) return null;
  if (order.user) return order.user;
  const email = order.guestContact ? openGuestEmail(order.guestContact) : null;
  if (!email) return null;
  return { email, name: openShippingAddress(order)?.recipientName ?? "" };
}

/**
 * The link an order mail carries: the account's order page, or for a guest
 * order a freshly issued status link (call it only in the worker, when the
 * mail is sent: the link carries a token). `guestLinkDays` says how long a
 * guest link works (undefined for an account's page).
 */
export async function orderMailLink(orderId: string): Promise<{ url: string; guestLinkDays?: number }> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { userId: true } });
  if (order?.userId) return { url: `${env.SITE_URL}/account/orders/${orderId}` };
  return { url: await issueOrderStatusLink(orderId), guestLinkDays: env.ORDER_STATUS_LINK_DAYS };
}

/**
 * Sends the confirmation of a paid guest order (the `orders` job queued when
 * it was paid). The status link is issued here, just before sending, so its
 * token lives only in the mail. Returns whether a mail went out.
 */
export async function sendGuestOrderConfirmation(orderId: string): Promise<boolean> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: confirmationSelect });
  const recipient = order && (await orderRecipient(orderId));
  if (!order || !recipient) return false;
  const link = await orderMailLink(orderId);
  await sendMail({ to: recipient.email, ...confirmationMail(order, recipient.name, link.url, link.guestLinkDays) });
  return true;
}
