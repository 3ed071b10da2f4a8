import "server-only";
import type { Money } from "@/lib/catalog/money";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The columns of an order its discount line reads: the amount, and the code as applied when it was placed. */
export const orderDiscountSelect = { discountMinor: true, discountRedemption: { select: { code: true } } } as const satisfies Prisma.OrderSelect;

/** An order's discount line for its totals (customer and staff pages alike), or null when no code was used. */
export function orderDiscountOf(row: { currency: string; discountMinor: number; discountRedemption: { code: string } | null }): { code: string; amount: Money } | null {
  if (row.discountMinor <= 0) return null;
  return { code: row.discountRedemption?.code ?? "", amount: { amountMinor: row.discountMinor, currency: row.currency } };
}
