import "server-only";
import { assertShopOpen } from "@/lib/dal/lockdown/state";
import { canPayOrder } from "@/lib/orders/next-steps";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentGateway } from "@/lib/payments/gateway";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { guestEmailSelect, openGuestEmail } from "./guest-contact";
import { lockOrder } from "./internal";
import { orderLineName } from "@/lib/orders/order-line-name";

export type PaymentUrls = { successUrl: string; cancelUrl: string };

/**
 * How long starting a payment may hold the order row. The gateway is asked
 * while the row is locked (that is what makes the checkout the order's only
 * one), so this covers the gateway's own timeout and retries.
 */
const PAYMENT_START_TIMEOUT_MS = 90_000;

/** An open hosted checkout this close to its end is replaced rather than handed out again. */
const REUSE_MARGIN_MS = 60_000;

function checkoutDiscount(order: { discountMinor: number; discountRedemption: { code: string } | null }) {
  return order.discountMinor > 0 ? { name: `Discount ${order.discountRedemption?.code ?? ""}`.trim(), amountMinor: order.discountMinor } : null;
}

function checkoutLines(order: {
  shippingMethod: string;
  shippingMinor: number;
  taxMinor: number;
  taxIncluded: boolean;
  items: { productName: string; variantTitle: string; unitPriceMinor: number; quantity: number }[];
}) {
  const lines = order.items.map((item) => ({ name: orderLineName(item), unitAmountMinor: item.unitPriceMinor, quantity: item.quantity }));
  if (order.shippingMinor > 0) lines.push({ name: `Shipping (${order.shippingMethod})`, unitAmountMinor: order.shippingMinor, quantity: 1 });
  // Tax included in the prices is already in the lines: a line of its own would charge it twice.
  if (order.taxMinor > 0 && !order.taxIncluded) lines.push({ name: "Tax", unitAmountMinor: order.taxMinor, quantity: 1 });
  return lines;
}

/**
 * Opens the hosted checkout of an unpaid order the caller may pay (`owned`:
 * the viewer's orders, or a guest's). An order
 * has at most one open hosted checkout: with the order row locked (SELECT …
 * FOR UPDATE) for the whole decision, a new "Pay" gets the current checkout
 * back while it is open; otherwise the current one is expired at the gateway
 * and the next one created, and the order records the new checkout id in
 * the same transaction, so payment events for the old one (an early
 * "expired", a late payment) find it is no longer current. Concurrent clicks
 * queue on the lock and all get the same page. Returns null when the order
 * cannot be paid now (not among `owned`, not awaiting payment, reservation
 * ended, or its checkout already completed and its result is on the way).
 * Amounts come from the order's own server-computed rows.
 */
export async function openHostedCheckout(
  owned: Prisma.OrderWhereInput,
  orderId: string,
  gateway: PaymentGateway,
  urls: (orderId: string) => PaymentUrls,
  now = new Date(),
): Promise<{ url: string } | null> {
  // Lockdown mode (incident response): no new hosted checkout for any order, whoever asks.
  await assertShopOpen();
  return db.$transaction(
    async (tx) => {
      const found = await tx.order.findFirst({ where: { ...owned, id: orderId }, select: { id: true } });
      if (!found || !(await lockOrder(tx, orderId))) return null;
      const order = await tx.order.findUniqueOrThrow({
        where: { id: orderId },
        select: {
          number: true,
          paymentStatus: true,
          currency: true,
          paymentAttempt: true,
          paymentIntentId: true,
          checkoutSessionId: true,
          shippingMethod: true,
          shippingMinor: true,
          taxMinor: true,
          taxIncluded: true,
          discountMinor: true,
          discountRedemption: { select: { code: true } },
          reservationExpiresAt: true,
          user: { select: { email: true } },
          guestContact: { select: guestEmailSelect },
          items: { select: { productName: true, variantTitle: true, unitPriceMinor: true, quantity: true }, orderBy: { productName: "asc" } },
        },
      });
      // The payment page's receipt goes to the account, or to the guest's address (none readable: not payable).
      const customerEmail = order.user?.email ?? (order.guestContact ? openGuestEmail(order.guestContact) : null);
      if (!canPayOrder(order, now) || !customerEmail) return null;
      if (order.checkoutSessionId) {
        const current = await gateway.retrieveCheckout(order.checkoutSessionId);
        // Paid (or a delayed payment under way): its result comes by webhook; a second page would take a second payment.
        if (current.status === "complete") return null;
        if (current.status === "open" && current.url && current.expiresAt.getTime() > now.getTime() + REUSE_MARGIN_MS) {
          return { url: current.url };
        }
        if (current.status === "open") await gateway.expireCheckout(order.checkoutSessionId);
      }
      const attempt = order.paymentAttempt + 1;
      const checkout = await gateway.createCheckout({
        orderId,
        orderNumber: order.number,
        attempt,
        currency: order.currency,
        lines: checkoutLines(order),
        discount: checkoutDiscount(order),
        customerEmail,
        ...urls(orderId),
        expiresAt: order.reservationExpiresAt,
      });
      await tx.order.update({ where: { id: orderId }, data: { paymentAttempt: attempt, checkoutSessionId: checkout.sessionId } });
      return { url: checkout.url };
    },
    { timeout: PAYMENT_START_TIMEOUT_MS },
  );
}

/** Opens the hosted checkout of one of the viewer's unpaid orders (see openHostedCheckout); another customer's order gets null. */
export async function startPayment(
  viewer: ActiveSession,
  orderId: string,
  gateway: PaymentGateway,
  urls: (orderId: string) => PaymentUrls,
  now = new Date(),
): Promise<{ url: string } | null> {
  return openHostedCheckout({ userId: viewer.userId }, orderId, gateway, urls, now);
}
