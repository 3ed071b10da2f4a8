/**
 * The rules of a discount code, as pure functions of the code and the cart
 * (no database): whether it applies now, and how much it takes off. Integer
 * minor units throughout. The DAL runs these with the code's row locked, so
 * what it checks is what the order gets.
 */
export const DISCOUNT_ERRORS = {
  /** Unknown, deactivated, or (to a guesser) indistinguishable from unknown. */
  unknown: "unknown",
  notStarted: "not_started",
  expired: "expired",
  /** The total limit is reached by paid orders and unpaid ones holding a use. */
  exhausted: "exhausted",
  /** This customer has used it as many times as allowed (paid, or held by an unpaid order). */
  usedUp: "used_up",
  belowMinimum: "below_minimum",
  wrongCurrency: "wrong_currency",
  /** None of the cart's goods is in the code's categories. */
  notApplicable: "not_applicable",
} as const;

export type DiscountErrorCode = (typeof DISCOUNT_ERRORS)[keyof typeof DISCOUNT_ERRORS];

export type DiscountRule = {
  kind: "percentage" | "fixed_amount";
  percentOff: number | null;
  amountOffMinor: number | null;
  currency: string;
  minSubtotalMinor: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  active: boolean;
  /** Empty: the whole order. */
  categoryIds: readonly string[];
};

export type DiscountableLine = { unitPriceMinor: number; quantity: number; categoryId: string };

/** What the code's limits stand at for this buyer (uses held by unpaid orders included). */
export type DiscountUsage = { total: number; byCustomer: number };
export type DiscountLimits = { totalLimit: number | null; perCustomerLimit: number | null };

export type DiscountOutcome = { ok: true; amountMinor: number } | { ok: false; code: DiscountErrorCode };

/** A code as it is stored and compared: trimmed, upper case (codes are case-insensitive). */
export function normaliseDiscountCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** What a code may look like: letters, digits, dash and underscore, 3–32 characters. */
export const DISCOUNT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;

function eligibleSubtotal(lines: readonly DiscountableLine[], categoryIds: readonly string[]): number {
  const eligible = categoryIds.length === 0 ? lines : lines.filter((line) => categoryIds.includes(line.categoryId));
  return eligible.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
}

/**
 * The amount a code takes off: a percentage of the eligible goods, rounded
 * half up to the minor unit, or a fixed amount capped at the eligible goods
 * (never more than they cost, never shipping or tax).
 */
export function discountAmountOf(rule: Pick<DiscountRule, "kind" | "percentOff" | "amountOffMinor" | "categoryIds">, lines: readonly DiscountableLine[]): number {
  const base = eligibleSubtotal(lines, rule.categoryIds);
  if (rule.kind === "percentage") return Math.min(base, Math.floor((base * (rule.percentOff ?? 0) + 50) / 100));
  return Math.min(base, rule.amountOffMinor ?? 0);
}

/**
 * Whether `rule` applies to an order of `lines` in `currency` at `now`, given
 * its `usage` so far, and for how much. The minimum is on the whole goods
 * subtotal; the limits count uses held by unpaid orders as well as paid ones.
 */
export function evaluateDiscount(
  rule: DiscountRule & DiscountLimits,
  order: { lines: readonly DiscountableLine[]; currency: string },
  usage: DiscountUsage,
  now: Date,
): DiscountOutcome {
  if (!rule.active) return { ok: false, code: DISCOUNT_ERRORS.unknown };
  if (rule.startsAt && now < rule.startsAt) return { ok: false, code: DISCOUNT_ERRORS.notStarted };
  if (rule.endsAt && now >= rule.endsAt) return { ok: false, code: DISCOUNT_ERRORS.expired };
  if (rule.totalLimit !== null && usage.total >= rule.totalLimit) return { ok: false, code: DISCOUNT_ERRORS.exhausted };
  if (rule.perCustomerLimit !== null && usage.byCustomer >= rule.perCustomerLimit) return { ok: false, code: DISCOUNT_ERRORS.usedUp };
  if (order.currency !== rule.currency) return { ok: false, code: DISCOUNT_ERRORS.wrongCurrency };
  const subtotal = eligibleSubtotal(order.lines, []);
  if (rule.minSubtotalMinor !== null && subtotal < rule.minSubtotalMinor) return { ok: false, code: DISCOUNT_ERRORS.belowMinimum };
  const amountMinor = discountAmountOf(rule, order.lines);
  if (amountMinor <= 0) return { ok: false, code: DISCOUNT_ERRORS.notApplicable };
  return { ok: true, amountMinor };
}
