import "server-only";
import { lineLabel } from "@/lib/dal/cart/priced-lines";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clientAddressIndexOf } from "@/lib/auth/rate-limit/client-address-index";

/**
 * Caps on stock held by unpaid orders, so no one can hoard it: an order
 * awaiting payment reserves its units until it is paid or its reservation
 * ends, and without caps one account (or one client address with many
 * accounts) could take a product off sale by opening order after order.
 */
export type OrderLimits = {
  /** Open (unpaid, stock-holding) orders one account may have at once. */
  openOrdersPerAccount: number;
  /** Open orders placed from one client address (its /64 for IPv6), whatever the account. */
  openOrdersPerAddress: number;
  /** Units of one variant one account may hold across its open orders (never above the variant's per-order maximum). */
  unitsPerProduct: number;
};

/** Why an order was refused by a cap; the checkout action turns each into a message. */
export const ORDER_LIMIT_CODES = {
  openOrdersPerAccount: "too_many_open_orders",
  openOrdersPerAddress: "too_many_open_orders_from_address",
  unitsPerProduct: "too_many_units_reserved",
} as const;

export type OrderLimitCode = (typeof ORDER_LIMIT_CODES)[keyof typeof ORDER_LIMIT_CODES];

/** A refusal by one of the caps, with what the message needs (never another customer's data). */
export class OrderLimitError extends Error {
  override name = "OrderLimitError";
  constructor(
    readonly code: OrderLimitCode,
    readonly detail: { limit: number; productName?: string; heldUnits?: number },
  ) {
    super(code);
  }
}

export { clientAddressIndexOf };

/**
 * Who holds the open orders a cap counts: an account, or, for a guest
 * checkout, the guest cart that placed them (a guest who drops the cookie
 * starts afresh, which is what the per-address cap and throttle are for).
 */
export type OrderHolder = { kind: "customer"; userId: string } | { kind: "guest"; cartTokenHash: string };

/** The orders of `holder`, as a Prisma filter. */
export function ordersOf(holder: OrderHolder): Prisma.OrderWhereInput {
  return holder.kind === "customer" ? { userId: holder.userId } : { userId: null, guestContact: { is: { cartTokenHash: holder.cartTokenHash } } };
}

/** An order holds stock while it is unpaid and its stock has not been given back. */
const openOrder = { paymentStatus: "pending", stockReleasedAt: null } as const;

/**
 * Serialises the checkouts of one account, and of one client address, for
 * the rest of the transaction (transaction-scoped advisory locks, always
 * taken account first), so two concurrent checkouts cannot both pass a cap
 * that only one of them fits under.
 */
async function lockScopes(tx: Prisma.TransactionClient, holder: OrderHolder, addressIndex: string | null) {
  const account = holder.kind === "customer" ? `order-limits:account:${holder.userId}` : `order-limits:guest:${holder.cartTokenHash}`;
  if (!addressIndex) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${account}, 0))`;
    return;
  }
  const address = `order-limits:address:${addressIndex}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${account}, 0)), pg_advisory_xact_lock(hashtextextended(${address}, 0))`;
}

/**
 * Refuses (throws OrderLimitError) an order that would take the account or
 * the client address over a cap. Call it in the placing transaction before
 * anything is written: the locks it takes hold until that transaction ends.
 */
export async function assertWithinOrderLimits(
  tx: Prisma.TransactionClient,
  holder: OrderHolder,
  addressIndex: string | null,
  lines: { variantId: string; quantity: number; name: string; variantTitle: string; maxPerOrder: number }[],
  limits: OrderLimits,
): Promise<void> {
  await lockScopes(tx, holder, addressIndex);
  const open = await tx.order.count({ where: { ...ordersOf(holder), ...openOrder } });
  if (open >= limits.openOrdersPerAccount) {
    throw new OrderLimitError(ORDER_LIMIT_CODES.openOrdersPerAccount, { limit: limits.openOrdersPerAccount });
  }
  if (addressIndex) {
    const fromAddress = await tx.order.count({ where: { clientAddressIndex: addressIndex, ...openOrder } });
    if (fromAddress >= limits.openOrdersPerAddress) {
      throw new OrderLimitError(ORDER_LIMIT_CODES.openOrdersPerAddress, { limit: limits.openOrdersPerAddress });
    }
  }
  // Without an open order the account holds nothing yet (the common case: one query saved).
  const held =
    open === 0
      ? []
      : await tx.orderItem.groupBy({
          by: ["variantId"],
          where: { variantId: { in: lines.map((line) => line.variantId) }, order: { ...ordersOf(holder), ...openOrder } },
          _sum: { quantity: true },
        });
  for (const line of lines) {
    const heldUnits = held.find((row) => row.variantId === line.variantId)?._sum.quantity ?? 0;
    const limit = Math.min(limits.unitsPerProduct, line.maxPerOrder);
    if (heldUnits + line.quantity > limit) {
      throw new OrderLimitError(ORDER_LIMIT_CODES.unitsPerProduct, { limit, productName: lineLabel(line), heldUnits });
    }
  }
}

/**
 * Forgets the client-address digest of orders that no longer hold stock:
 * it serves only the per-address cap on open orders, so it is kept no longer
 * than the order is open (run by the nightly retention sweep). Returns how many.
 */
export async function forgetClientAddressesOfSettledOrders(): Promise<number> {
  const { count } = await db.order.updateMany({
    where: { clientAddressIndex: { not: null }, NOT: openOrder },
    data: { clientAddressIndex: null },
  });
  return count;
}
