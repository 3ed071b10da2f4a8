import "server-only";
import { generateToken, hashToken, isWellFormedToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { type CustomerOrderPageDTO, detailSelect, toMyOrder } from "./my-orders";
import { readOrderTimeline } from "./timeline";
import { openHostedCheckout, type PaymentUrls } from "./payment-start";

/**
 * Order-status links: what a guest gets instead of an account page. The token
 * is 256 random bits, issued by the worker when it sends the mail (never in a
 * job payload or a log) and stored only as its SHA-256, so neither the queue
 * nor a copy of the database yields a working link. A link names no order: the
 * order is found through the token's hash, never an id from the URL.
 */

const DAY_MS = 24 * 60 * 60_000;

/** How long a status link works (ORDER_STATUS_LINK_DAYS, 90 days by default). */
export const statusLinkLifetimeMs = () => env.ORDER_STATUS_LINK_DAYS * DAY_MS;

/** The page a status token opens, built from SITE_URL (never from a request's Host). */
export const orderStatusUrl = (token: string) => `${env.SITE_URL}/orders/status/${token}`;

/** An order has no status link to give: it belongs to an account (its page is under /account), or it does not exist. */
export class NotAGuestOrderError extends Error {
  override name = "NotAGuestOrderError";
}

/**
 * Issues a status link for guest order `orderId` and returns its absolute
 * URL, to be put straight into a mail. Each call issues a new token (earlier
 * mails keep working until they expire). Throws NotAGuestOrderError for an
 * account's order: later order mails call it for guests and link accounts to
 * their order page.
 */
export async function issueOrderStatusLink(orderId: string, now = new Date()): Promise<string> {
  const token = generateToken();
  await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: orderId }, select: { userId: true } });
    if (!order || order.userId !== null) throw new NotAGuestOrderError(`Order ${orderId} is not a guest order.`);
    await tx.orderStatusToken.create({
      data: { orderId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + statusLinkLifetimeMs()) },
    });
  });
  return orderStatusUrl(token);
}

/** The order a live status token opens (only its hash is looked up); null alike for a malformed, unknown or expired one. */
export async function orderIdOfStatusToken(token: string, now = new Date()): Promise<string | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await db.orderStatusToken.findFirst({
    where: { tokenHash: hashToken(token), expiresAt: { gt: now } },
    select: { orderId: true },
  });
  return row?.orderId ?? null;
}

/** The order a status link shows, in full as the account's order page would; null for any token that opens nothing. */
export async function findOrderByStatusToken(token: string, now = new Date()): Promise<CustomerOrderPageDTO | null> {
  const orderId = await orderIdOfStatusToken(token, now);
  if (!orderId) return null;
  const row = await db.order.findUnique({ where: { id: orderId }, select: detailSelect });
  return row ? { ...toMyOrder(row, now), timeline: await readOrderTimeline(orderId, "customer") } : null;
}

/** Opens the hosted checkout of the order a status token opens, where the order page would offer "Pay now"; otherwise null. */
export async function startPaymentByStatusToken(
  token: string,
  gateway: PaymentGateway,
  urls: (orderId: string) => PaymentUrls,
  now = new Date(),
): Promise<{ url: string } | null> {
  const orderId = await orderIdOfStatusToken(token, now);
  return orderId ? openHostedCheckout({ userId: null }, orderId, gateway, urls, now) : null;
}

/** Deletes status tokens past their expiry (nightly retention). Returns how many. */
export async function deleteExpiredStatusTokens(now = new Date()): Promise<number> {
  const { count } = await db.orderStatusToken.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
