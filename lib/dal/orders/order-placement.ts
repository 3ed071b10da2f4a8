import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type PricingRules, quoteOrder } from "@/lib/payments/pricing";
import { loadPricingRules } from "@/lib/dal/shipping/pricing-rules";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { sealShippingAddress, type ShippingAddress } from "./shipping-address";
import { assertWithinOrderLimits, type OrderHolder, type OrderLimits } from "./limits";
import { CHECKOUT_ERROR_CODES, CheckoutError } from "./checkout-errors";
import { sealGuestContact } from "./guest-contact";
import { recordOrderEvent, reserveStock } from "./internal";
import { claimCartDiscount } from "@/lib/dal/discounts/redemptions";
import { discountUser } from "@/lib/dal/discounts/usage";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import { lineLabel, type PricedCartLine, readPricedLines } from "@/lib/dal/cart/priced-lines";
import { variantSaleSelect, variantSaleState } from "@/lib/dal/catalog/variant-sale-state";

/**
 * The transaction options of placing an order. In a rush every checkout of a
 * popular product queues on its row (and on the connection pool): a buyer
 * waits a few seconds for their turn instead of getting an error, and the
 * reservation still decides who gets the last unit.
 */
export const PLACEMENT_TRANSACTION = { maxWait: 10_000, timeout: 15_000 } as const;

/**
 * `pricing`: the shipping zones, rates and tax rates to price by; absent (the
 * shop itself), the ones in the database, read in the placing transaction.
 * Tests pin their own, so suites never depend on the zones staff edit.
 */
export type CheckoutSettings = { pricing?: PricingRules; reservationMinutes: number; limits: OrderLimits };

/**
 * Who buys: an account, or a guest (their cart cookie's hash and the email
 * they gave, stored encrypted with the order).
 */
export type OrderBuyer = { kind: "customer"; userId: string } | { kind: "guest"; cartTokenHash: string; email: string };

const NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32: no I, L, O, U

function newOrderNumber(): string {
  const bytes = randomBytes(8);
  return `ORD-${Array.from(bytes, (byte) => NUMBER_ALPHABET[byte % 32]).join("")}`;
}

/** The buyer's cart lines, as a filter: a guest cart is matched with `userId IS NULL`, so a token never reaches an account's cart. */
function cartOf(buyer: OrderBuyer): Prisma.CartItemWhereInput {
  return buyer.kind === "customer" ? { cart: { userId: buyer.userId } } : { cart: { tokenHash: buyer.cartTokenHash, userId: null } };
}

/** The discount code applied to the buyer's cart, claimed for this order (see claimCartDiscount); null: none. */
function claimDiscount(tx: Prisma.TransactionClient, buyer: OrderBuyer, lines: PricedCartLine[], currency: string, now: Date) {
  const cart: Prisma.CartWhereInput = buyer.kind === "customer" ? { userId: buyer.userId } : { tokenHash: buyer.cartTokenHash, userId: null };
  const discountable = lines.map((line) => ({ unitPriceMinor: line.unitPriceMinor, quantity: line.quantity, categoryId: line.categoryId }));
  const user = async () =>
    buyer.kind === "guest"
      ? discountUser(null, buyer.email)
      : discountUser(buyer.userId, (await tx.user.findUniqueOrThrow({ where: { id: buyer.userId }, select: { email: true } })).email);
  return claimCartDiscount(tx, cart, { lines: discountable, currency, user }, now);
}

function checkLines(lines: PricedCartLine[]): string {
  if (lines.length === 0) throw new CheckoutError(CHECKOUT_ERROR_CODES.cartEmpty);
  const currencies = new Set(lines.map((line) => line.currency));
  if (currencies.size > 1) throw new CheckoutError(CHECKOUT_ERROR_CODES.mixedCurrencies);
  for (const line of lines) {
    if (!line.published) throw new CheckoutError(CHECKOUT_ERROR_CODES.productUnavailable, { productName: lineLabel(line) });
    if (line.quantity > line.maxPerOrder) {
      throw new CheckoutError(CHECKOUT_ERROR_CODES.overMaxPerOrder, { productName: lineLabel(line), limit: line.maxPerOrder });
    }
  }
  return [...currencies][0] ?? SHOP_CURRENCY;
}

async function reserveAll(tx: Prisma.TransactionClient, lines: PricedCartLine[]) {
  for (const line of lines) {
    if (!(await reserveStock(tx, line.variantId, line.quantity))) {
      // The row as the reservation found it (it may have waited for another change of it): the
      // lines were read earlier, so their stock and state may be stale by now.
      const row = await tx.productVariant.findUnique({ where: { id: line.variantId }, select: variantSaleSelect });
      const now = row ? variantSaleState(row) : null;
      const productName = lineLabel(line);
      // Throwing rolls back the reservations already made in this transaction.
      if (!now?.published) throw new CheckoutError(CHECKOUT_ERROR_CODES.productUnavailable, { productName });
      throw new CheckoutError(now.stock > 0 ? CHECKOUT_ERROR_CODES.notEnoughStock : CHECKOUT_ERROR_CODES.soldOut, { productName, left: now.stock });
    }
  }
}

const holderOf = (buyer: OrderBuyer): OrderHolder =>
  buyer.kind === "customer" ? { kind: "customer", userId: buyer.userId } : { kind: "guest", cartTokenHash: buyer.cartTokenHash };

/**
 * Turns the buyer's cart into an order awaiting payment, inside the caller's
 * transaction: the caps on open orders and reserved units checked
 * (OrderLimitError), prices read from the database (nothing the browser sent
 * is priced), stock reserved atomically, the address snapshot (and a guest's
 * email) encrypted under the new order's id, the cart emptied, and an expiry
 * job queued that releases the stock if the order is still unpaid when the
 * reservation ends. `address` is read after the caps, so a refused order
 * saves nothing to the address book. A discount code applied to the cart is
 * claimed in the same transaction (DiscountError refuses the whole order).
 * Shipping and tax follow the address's country (and region): a rate the
 * destination's zone does not offer refuses the order (CheckoutError).
 */
export async function createOrderFromCart(
  tx: Prisma.TransactionClient,
  order: {
    buyer: OrderBuyer;
    /** The shipping rate chosen (its id); refused unless the destination's zone offers it for these goods. */
    shippingRateId: string;
    address: () => Promise<ShippingAddress>;
    clientAddressIndex: string | null;
  },
  settings: CheckoutSettings,
  now: Date,
): Promise<{ orderId: string; number: string }> {
  const { buyer } = order;
  const lines = await readPricedLines(tx, cartOf(buyer));
  const currency = checkLines(lines);
  await assertWithinOrderLimits(tx, holderOf(buyer), order.clientAddressIndex, lines, settings.limits);
  const address = await order.address();
  const priced = lines.map((line) => ({ unitPriceMinor: line.unitPriceMinor, quantity: line.quantity, weightGrams: line.weightGrams }));
  const rules = settings.pricing ?? (await loadPricingRules(tx));
  const destination = { country: address.country, region: address.region };
  // Checked before the discount is claimed: a refused choice must not count as a use of a code.
  const choice = quoteOrder(priced, order.shippingRateId, destination, rules);
  if (!choice.ok) throw new CheckoutError(choice.reason === "no_zone" ? CHECKOUT_ERROR_CODES.noShippingZone : CHECKOUT_ERROR_CODES.shippingRateUnavailable);
  const discount = await claimDiscount(tx, buyer, lines, currency, now);
  const quote = quoteOrder(priced, order.shippingRateId, destination, rules, discount?.amountMinor ?? 0);
  if (!quote.ok) throw new CheckoutError(CHECKOUT_ERROR_CODES.shippingRateUnavailable);
  const { rate, ...totals } = quote;
  const orderId = randomUUID();
  const reservationExpiresAt = new Date(now.getTime() + settings.reservationMinutes * 60_000);
  const created = await tx.order.create({
    data: {
      id: orderId,
      number: newOrderNumber(),
      userId: buyer.kind === "customer" ? buyer.userId : null,
      currency,
      subtotalMinor: totals.subtotalMinor,
      discountMinor: totals.discountMinor,
      shippingMinor: totals.shippingMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
      taxIncluded: totals.taxIncluded,
      taxRateBasisPoints: totals.taxRateBasisPoints,
      shippingMethod: rate.label,
      shippingRateId: rate.rateId,
      ...sealShippingAddress(orderId, address),
      clientAddressIndex: order.clientAddressIndex,
      reservationExpiresAt,
      items: {
        create: lines.map((line) => ({
          productId: line.productId,
          variantId: line.variantId,
          productName: line.name,
          sku: line.sku,
          variantTitle: line.variantTitle,
          unitPriceMinor: line.unitPriceMinor,
          quantity: line.quantity,
          lineTotalMinor: line.unitPriceMinor * line.quantity,
        })),
      },
      ...(buyer.kind === "guest" ? { guestContact: { create: sealGuestContact(orderId, buyer.email, buyer.cartTokenHash) } } : {}),
    },
    select: { id: true, number: true },
  });
  await discount?.hold(orderId);
  await recordOrderEvent(tx, { orderId, type: "order.placed", actor: "customer" });
  await tx.cartItem.deleteMany({ where: cartOf(buyer) });
  await enqueueJob(tx, "orders", { type: "reservation.expire", orderId }, { startAfter: reservationExpiresAt });
  // Last: a reservation locks its variant rows until commit, so the shorter that
  // window, the more checkouts of a popular product go through per second.
  await reserveAll(tx, lines);
  return { orderId: created.id, number: created.number };
}
