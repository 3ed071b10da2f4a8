import "server-only";
import { canPayOrder } from "@/lib/orders/next-steps";
import { randomBytes, randomUUID } from "node:crypto";
import type { AddressInput } from "@/lib/addresses/address-schema";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { orderTotals, type PricingRules, type ShippingMethodName } from "@/lib/payments/pricing";
import { addAddress, findOwnAddress } from "@/lib/dal/accounts/addresses";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { sealShippingAddress, type ShippingAddress } from "./shipping-address";
import { assertWithinOrderLimits, clientAddressIndexOf, type OrderLimits } from "./limits";
import { CHECKOUT_ERROR_CODES, CheckoutError } from "./checkout-errors";
import { lockOrder, recordOrderEvent, reserveStock } from "./internal";
import { hasUnreadableValue } from "@/lib/crypto/readable-field";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";

export type CheckoutAddressChoice = { savedAddressId: string } | { newAddress: AddressInput; save: boolean };

export type PlaceOrderInput = {
  shippingMethod: ShippingMethodName;
  address: CheckoutAddressChoice;
  /** The client's address (`clientIp`), for the per-address cap; unknown or absent: that cap does not apply. */
  clientIp?: string;
};

export type CheckoutSettings = { pricing: PricingRules; reservationMinutes: number; limits: OrderLimits };

const NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32: no I, L, O, U

function newOrderNumber(): string {
  const bytes = randomBytes(8);
  return `ORD-${Array.from(bytes, (byte) => NUMBER_ALPHABET[byte % 32]).join("")}`;
}

function assertCanCheckOut(viewer: ActiveSession) {
  if (viewer.audience !== "customer") throw new CheckoutError(CHECKOUT_ERROR_CODES.staffAccount);
  if (!viewer.user.emailVerified) throw new CheckoutError(CHECKOUT_ERROR_CODES.emailUnverified);
}

type CartLine = {
  productId: string;
  quantity: number;
  product: { name: string; priceMinor: number; currency: string; published: boolean; maxPerOrder: number; stock: number };
};

async function readCart(tx: Prisma.TransactionClient, userId: string): Promise<CartLine[]> {
  return tx.cartItem.findMany({
    where: { cart: { userId } },
    // Product order: every checkout reserves rows in the same order, so two never deadlock.
    orderBy: { productId: "asc" },
    select: {
      productId: true,
      quantity: true,
      product: { select: { name: true, priceMinor: true, currency: true, published: true, maxPerOrder: true, stock: true } },
    },
  });
}

function checkLines(lines: CartLine[]): string {
  if (lines.length === 0) throw new CheckoutError(CHECKOUT_ERROR_CODES.cartEmpty);
  const currencies = new Set(lines.map((line) => line.product.currency));
  if (currencies.size > 1) throw new CheckoutError(CHECKOUT_ERROR_CODES.mixedCurrencies);
  for (const { product, quantity } of lines) {
    if (!product.published) throw new CheckoutError(CHECKOUT_ERROR_CODES.productUnavailable, { productName: product.name });
    if (quantity > product.maxPerOrder) {
      throw new CheckoutError(CHECKOUT_ERROR_CODES.overMaxPerOrder, { productName: product.name, limit: product.maxPerOrder });
    }
  }
  return [...currencies][0] ?? "USD";
}

async function reserveAll(tx: Prisma.TransactionClient, lines: CartLine[]) {
  for (const line of lines) {
    if (!(await reserveStock(tx, line.productId, line.quantity))) {
      const left = line.product.stock;
      // Throwing rolls back the reservations already made in this transaction.
      throw new CheckoutError(left > 0 ? CHECKOUT_ERROR_CODES.notEnoughStock : CHECKOUT_ERROR_CODES.soldOut, { productName: line.product.name, left });
    }
  }
}

async function shippingAddressFor(tx: Prisma.TransactionClient, userId: string, choice: CheckoutAddressChoice): Promise<ShippingAddress> {
  if ("savedAddressId" in choice) {
    const saved = await findOwnAddress(tx, userId, choice.savedAddressId);
    if (!saved) throw new CheckoutError(CHECKOUT_ERROR_CODES.addressNotFound);
    // Never snapshot the unreadable marker into an order as if it were the address.
    if (hasUnreadableValue(saved)) throw new CheckoutError(CHECKOUT_ERROR_CODES.addressUnreadable);
    return saved;
  }
  if (choice.save) await addAddress(tx, userId, choice.newAddress);
  return choice.newAddress;
}

/**
 * Turns the viewer's cart into an order awaiting payment, in one transaction:
 * the caps on open orders and reserved units checked (OrderLimitError),
 * prices read from the database (nothing the browser sent is priced), stock
 * reserved atomically, the address snapshot encrypted under the new order's
 * id, the cart emptied, and an expiry job queued that releases the stock if
 * the order is still unpaid when the reservation ends.
 */
export async function placeOrder(
  viewer: ActiveSession,
  input: PlaceOrderInput,
  settings: CheckoutSettings,
  now = new Date(),
): Promise<{ orderId: string; number: string }> {
  assertCanCheckOut(viewer);
  const clientAddressIndex = clientAddressIndexOf(input.clientIp);
  return db.$transaction(async (tx) => {
    const lines = await readCart(tx, viewer.userId);
    const currency = checkLines(lines);
    await assertWithinOrderLimits(tx, viewer.userId, clientAddressIndex, lines, settings.limits);
    const address = await shippingAddressFor(tx, viewer.userId, input.address);
    const priced = lines.map((line) => ({ unitPriceMinor: line.product.priceMinor, quantity: line.quantity }));
    const totals = orderTotals(priced, input.shippingMethod, settings.pricing);
    const orderId = randomUUID();
    const reservationExpiresAt = new Date(now.getTime() + settings.reservationMinutes * 60_000);
    const order = await tx.order.create({
      data: {
        id: orderId,
        number: newOrderNumber(),
        userId: viewer.userId,
        currency,
        ...totals,
        shippingMethod: input.shippingMethod,
        ...sealShippingAddress(orderId, address),
        clientAddressIndex,
        reservationExpiresAt,
        items: {
          create: lines.map((line) => ({
            productId: line.productId,
            productName: line.product.name,
            unitPriceMinor: line.product.priceMinor,
            quantity: line.quantity,
            lineTotalMinor: line.product.priceMinor * line.quantity,
          })),
        },
      },
      select: { id: true, number: true },
    });
    await recordOrderEvent(tx, { orderId, type: "order.placed", actor: "customer" });
    await tx.cartItem.deleteMany({ where: { cart: { userId: viewer.userId } } });
    await enqueueJob(tx, "orders", { type: "reservation.expire", orderId }, { startAfter: reservationExpiresAt });
    // Last: a reservation locks its product rows until commit, so the shorter that
    // window, the more checkouts of a popular product go through per second.
    await reserveAll(tx, lines);
    return { orderId: order.id, number: order.number };
  });
}

export type PaymentUrls = { successUrl: string; cancelUrl: string };

/**
 * How long starting a payment may hold the order row. The gateway is asked
 * while the row is locked (that is what makes the checkout the order's only
 * one), so this covers the gateway's own timeout and retries.
 */
const PAYMENT_START_TIMEOUT_MS = 90_000;

/** An open hosted checkout this close to its end is replaced rather than handed out again. */
const REUSE_MARGIN_MS = 60_000;

function checkoutLines(order: {
  shippingMethod: string;
  shippingMinor: number;
  taxMinor: number;
  items: { productName: string; unitPriceMinor: number; quantity: number }[];
}) {
  const lines = order.items.map((item) => ({ name: item.productName, unitAmountMinor: item.unitPriceMinor, quantity: item.quantity }));
  if (order.shippingMinor > 0) lines.push({ name: `Shipping (${order.shippingMethod})`, unitAmountMinor: order.shippingMinor, quantity: 1 });
  if (order.taxMinor > 0) lines.push({ name: "Tax", unitAmountMinor: order.taxMinor, quantity: 1 });
  return lines;
}

/**
 * Opens the hosted checkout of one of the viewer's unpaid orders. An order
 * has at most one open hosted checkout: with the order row locked (SELECT …
 * FOR UPDATE) for the whole decision, a new "Pay" gets the current checkout
 * back while it is open; otherwise the current one is expired at the gateway
 * and the next one created, and the order records the new checkout id in
 * the same transaction, so payment events for the old one (an early
 * "expired", a late payment) find it is no longer current. Concurrent clicks
 * queue on the lock and all get the same page. Returns null when the order
 * cannot be paid now (not the viewer's, not awaiting payment, reservation
 * ended, or its checkout already completed and its result is on the way).
 * Amounts come from the order's own server-computed rows.
 */
export async function startPayment(
  viewer: ActiveSession,
  orderId: string,
  gateway: PaymentGateway,
  urls: (orderId: string) => PaymentUrls,
  now = new Date(),
): Promise<{ url: string } | null> {
  return db.$transaction(
    async (tx) => {
      const owned = await tx.order.findFirst({ where: { id: orderId, userId: viewer.userId }, select: { id: true } });
      if (!owned || !(await lockOrder(tx, orderId))) return null;
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
          reservationExpiresAt: true,
          items: { select: { productName: true, unitPriceMinor: true, quantity: true }, orderBy: { productName: "asc" } },
        },
      });
      if (!canPayOrder(order, now)) return null;
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
        customerEmail: viewer.user.email,
        ...urls(orderId),
        expiresAt: order.reservationExpiresAt,
      });
      await tx.order.update({ where: { id: orderId }, data: { paymentAttempt: attempt, checkoutSessionId: checkout.sessionId } });
      return { url: checkout.url };
    },
    { timeout: PAYMENT_START_TIMEOUT_MS },
  );
}
