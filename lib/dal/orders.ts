import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { AddressInput } from "@/lib/addresses/address-schema";
import { notEnoughStock } from "@/lib/catalog/stock-availability";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { orderTotals, type PricingRules, type ShippingMethodName } from "@/lib/payments/pricing";
import { addAddress, findOwnAddress } from "./addresses";
import { enqueueJob } from "./jobs";
import { sealShippingAddress, type ShippingAddress } from "./order-address";
import { reserveStock } from "./order-stock";
import { hasUnreadableValue } from "./readable-field";
import type { ActiveSession } from "./sessions";

export type CheckoutAddressChoice = { savedAddressId: string } | { newAddress: AddressInput; save: boolean };

export type PlaceOrderInput = { shippingMethod: ShippingMethodName; address: CheckoutAddressChoice };

export type CheckoutSettings = { pricing: PricingRules; reservationMinutes: number };

/** A checkout the shop refuses, with a message for the shopper (and the form field it concerns). */
export class CheckoutError extends Error {
  override name = "CheckoutError";
  constructor(
    message: string,
    readonly field?: "address" | "shippingMethod" | "cart",
  ) {
    super(message);
  }
}

const NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32: no I, L, O, U

function newOrderNumber(): string {
  const bytes = randomBytes(8);
  return `ORD-${Array.from(bytes, (byte) => NUMBER_ALPHABET[byte % 32]).join("")}`;
}

function assertCanCheckOut(viewer: ActiveSession) {
  if (viewer.audience !== "customer") throw new CheckoutError("Staff accounts cannot place orders.");
  if (!viewer.user.emailVerified) throw new CheckoutError("Confirm your email address before checking out.");
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
  if (lines.length === 0) throw new CheckoutError("Your cart is empty.", "cart");
  const currencies = new Set(lines.map((line) => line.product.currency));
  if (currencies.size > 1) throw new CheckoutError("Items priced in different currencies cannot share one order.", "cart");
  for (const { product, quantity } of lines) {
    if (!product.published) throw new CheckoutError(`${product.name} is no longer available: remove it from your cart.`, "cart");
    if (quantity > product.maxPerOrder) {
      throw new CheckoutError(`You can order at most ${product.maxPerOrder} of ${product.name}.`, "cart");
    }
  }
  return [...currencies][0] ?? "USD";
}

async function reserveAll(tx: Prisma.TransactionClient, lines: CartLine[]) {
  for (const line of lines) {
    if (!(await reserveStock(tx, line.productId, line.quantity))) {
      const left = line.product.stock;
      // Throwing rolls back the reservations already made in this transaction.
      throw new CheckoutError(
        left > 0
          ? `${notEnoughStock(left, line.product.name)}: lower the quantity in your cart.`
          : `${line.product.name} has just sold out: remove it from your cart.`,
        "cart",
      );
    }
  }
}

async function shippingAddressFor(tx: Prisma.TransactionClient, userId: string, choice: CheckoutAddressChoice): Promise<ShippingAddress> {
  if ("savedAddressId" in choice) {
    const saved = await findOwnAddress(tx, userId, choice.savedAddressId);
    if (!saved) throw new CheckoutError("Choose one of your addresses.", "address");
    // Never snapshot the unreadable marker into an order as if it were the address.
    if (hasUnreadableValue(saved)) throw new CheckoutError("That address could not be read. Edit it, or choose another.", "address");
    return saved;
  }
  if (choice.save) await addAddress(tx, userId, choice.newAddress);
  return choice.newAddress;
}

/**
 * Turns the viewer's cart into an order awaiting payment, in one transaction:
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
  return db.$transaction(async (tx) => {
    const lines = await readCart(tx, viewer.userId);
    const currency = checkLines(lines);
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
 * Opens a hosted checkout for one of the viewer's unpaid orders (a new
 * attempt each time, so its idempotency key is new; the previous hosted page
 * is expired first, so the order cannot be paid twice). Amounts come from the
 * order's own server-computed rows.
 */
export async function startPayment(
  viewer: ActiveSession,
  orderId: string,
  gateway: PaymentGateway,
  urls: (orderId: string) => PaymentUrls,
  now = new Date(),
): Promise<{ url: string } | null> {
  const claimed = await db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: orderId, userId: viewer.userId, status: "pending_payment", paymentIntentId: null, reservationExpiresAt: { gt: now } },
      select: { id: true },
    });
    if (!order) return null;
    return tx.order.update({
      where: { id: orderId },
      data: { paymentAttempt: { increment: 1 } },
      select: {
        number: true,
        currency: true,
        paymentAttempt: true,
        checkoutSessionId: true,
        shippingMethod: true,
        shippingMinor: true,
        taxMinor: true,
        reservationExpiresAt: true,
        items: { select: { productName: true, unitPriceMinor: true, quantity: true }, orderBy: { productName: "asc" } },
      },
    });
  });
  if (!claimed) return null;
  if (claimed.checkoutSessionId) await gateway.expireCheckout(claimed.checkoutSessionId);
  const lines = claimed.items.map((item) => ({ name: item.productName, unitAmountMinor: item.unitPriceMinor, quantity: item.quantity }));
  if (claimed.shippingMinor > 0) {
    lines.push({ name: `Shipping (${claimed.shippingMethod})`, unitAmountMinor: claimed.shippingMinor, quantity: 1 });
  }
  if (claimed.taxMinor > 0) lines.push({ name: "Tax", unitAmountMinor: claimed.taxMinor, quantity: 1 });
  const checkout = await gateway.createCheckout({
    orderId,
    orderNumber: claimed.number,
    attempt: claimed.paymentAttempt,
    currency: claimed.currency,
    lines,
    customerEmail: viewer.user.email,
    ...urls(orderId),
    expiresAt: claimed.reservationExpiresAt,
  });
  await db.order.updateMany({
    where: { id: orderId, paymentAttempt: claimed.paymentAttempt },
    data: { checkoutSessionId: checkout.sessionId },
  });
  return { url: checkout.url };
}
