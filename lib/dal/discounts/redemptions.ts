import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type DiscountableLine, evaluateDiscount } from "@/lib/discounts/discount-rules";
import { DiscountError } from "./discount-error";
import { type DiscountUser, lockDiscountCode, usageOf } from "./usage";

/**
 * The life of one order's use of a code:
 * - placing the order claims it (held): the code's row is locked, its limits
 *   counted (held and redeemed uses alike, so a crowd of unpaid orders cannot
 *   overrun a limit and then all pay), the amount computed and recorded;
 * - the payment webhook redeems it (counted as used);
 * - cancelling the order, or its reservation expiring unpaid, releases it,
 *   and the use is free again.
 */
export type CartDiscountClaim = {
  code: string;
  amountMinor: number;
  /** Records the use as held by the new order, in the placing transaction. */
  hold: (orderId: string) => Promise<void>;
};

/**
 * Claims the discount code applied to a cart (`cart`) for an order of
 * `lines`, inside the placing transaction: null when the cart has none; a
 * DiscountError (rolling back the whole placement) when the code no longer
 * applies (expired, exhausted, this customer's limit reached, below the
 * minimum, …). The code's row stays locked until the order commits.
 */
export async function claimCartDiscount(
  tx: Prisma.TransactionClient,
  cart: Prisma.CartWhereInput,
  order: { lines: readonly DiscountableLine[]; currency: string; user: () => Promise<DiscountUser> },
  now: Date,
): Promise<CartDiscountClaim | null> {
  const row = await tx.cart.findFirst({ where: cart, select: { discountCodeId: true } });
  if (!row?.discountCodeId) return null;
  const rule = await lockDiscountCode(tx, row.discountCodeId);
  if (!rule) return null;
  const user = await order.user();
  const outcome = evaluateDiscount(rule, order, await usageOf(tx, rule.id, user), now);
  if (!outcome.ok) throw new DiscountError(outcome.code);
  return {
    code: rule.code,
    amountMinor: outcome.amountMinor,
    hold: async (orderId) => {
      await tx.discountRedemption.create({
        data: { discountCodeId: rule.id, orderId, code: rule.code, amountMinor: outcome.amountMinor, ...user, status: "held" },
      });
      // One order per application: the next order starts without a code.
      await tx.cart.updateMany({ where: cart, data: { discountCodeId: null } });
    },
  };
}

/** Counts an order's held use as used: its payment arrived (the webhook's transaction). */
export async function redeemOrderDiscount(tx: Prisma.TransactionClient, orderId: string, now: Date): Promise<void> {
  await tx.discountRedemption.updateMany({ where: { orderId, status: "held" }, data: { status: "redeemed", redeemedAt: now } });
}

/** Frees an order's use of its code: the order was cancelled or expired (in the transaction that ends it). */
export async function releaseOrderDiscount(tx: Prisma.TransactionClient, orderId: string, now: Date): Promise<void> {
  await tx.discountRedemption.updateMany({ where: { orderId, status: { in: ["held", "redeemed"] } }, data: { status: "released", releasedAt: now } });
}
