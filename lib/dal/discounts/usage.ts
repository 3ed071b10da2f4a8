import "server-only";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { blindIndex } from "@/lib/crypto/blind-index";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DiscountLimits, DiscountRule, DiscountUsage } from "@/lib/discounts/discount-rules";

/**
 * Who uses a code, for its per-customer limit: the account (if any) and the
 * keyed index of the buyer's email, so a customer who checks out as a guest
 * with their own address still meets their limit.
 */
export type DiscountUser = { userId: string | null; emailIndex: string };

export function discountUser(userId: string | null, email: string): DiscountUser {
  return { userId, emailIndex: blindIndex(normalizeEmail(email), "discount-customer") };
}

/** Uses that count toward the limits: held by an unpaid order, or redeemed by a paid one. */
export const COUNTED_USE = { status: { in: ["held", "redeemed"] } } satisfies Prisma.DiscountRedemptionWhereInput;

export const ruleSelect = {
  id: true,
  code: true,
  kind: true,
  percentOff: true,
  amountOffMinor: true,
  currency: true,
  minSubtotalMinor: true,
  startsAt: true,
  endsAt: true,
  active: true,
  categoryIds: true,
  totalLimit: true,
  perCustomerLimit: true,
} as const satisfies Prisma.DiscountCodeSelect;

export type RuleRow = DiscountRule & DiscountLimits & { id: string; code: string };

/**
 * Locks a code's row for the rest of the transaction (SELECT … FOR UPDATE)
 * and reads it: every claim of one code then runs one after another, so the
 * uses it counts next include every other claim that committed first. Null:
 * no such code.
 */
export async function lockDiscountCode(tx: Prisma.TransactionClient, id: string): Promise<RuleRow | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "DiscountCode" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.discountCode.findUnique({ where: { id }, select: ruleSelect });
}

/** The counted uses of a code, in total and by `user` (their account or their email). */
export async function usageOf(tx: Prisma.TransactionClient, discountCodeId: string, user: DiscountUser | null): Promise<DiscountUsage> {
  const counted = { discountCodeId, ...COUNTED_USE };
  const sameCustomer: Prisma.DiscountRedemptionWhereInput[] = user
    ? [{ emailIndex: user.emailIndex }, ...(user.userId ? [{ userId: user.userId }] : [])]
    : [];
  const [total, byCustomer] = await Promise.all([
    tx.discountRedemption.count({ where: counted }),
    sameCustomer.length > 0 ? tx.discountRedemption.count({ where: { ...counted, OR: sameCustomer } }) : Promise.resolve(0),
  ]);
  return { total, byCustomer };
}
