/**
 * Order amounts, always computed on the server from database prices (never
 * from anything a browser sent). Integer minor units throughout: no floats
 * touch money.
 */
export const SHIPPING_METHODS = ["standard", "express"] as const;
export type ShippingMethodName = (typeof SHIPPING_METHODS)[number];

export type PricingRules = {
  standardMinor: number;
  expressMinor: number;
  /** Standard shipping is free from this subtotal; undefined: never free. */
  freeStandardFromMinor?: number;
  /** Tax on goods and shipping, in basis points (825 = 8.25 %). */
  taxRateBasisPoints: number;
};

export type ShippingOption = { method: ShippingMethodName; label: string; description: string; priceMinor: number };

export type OrderTotals = { subtotalMinor: number; discountMinor: number; shippingMinor: number; taxMinor: number; totalMinor: number };

export type PricedLine = { unitPriceMinor: number; quantity: number };

export function subtotalOf(lines: readonly PricedLine[]): number {
  return lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
}

export function shippingOptions(subtotalMinor: number, rules: PricingRules): ShippingOption[] {
  const freeStandard = rules.freeStandardFromMinor !== undefined && subtotalMinor >= rules.freeStandardFromMinor;
  return [
    {
      method: "standard",
      label: "Standard",
      description: "3–5 working days",
      priceMinor: freeStandard ? 0 : rules.standardMinor,
    },
    { method: "express", label: "Express", description: "1–2 working days", priceMinor: rules.expressMinor },
  ];
}

/** Tax rounded half up to the minor unit. */
export function taxOf(amountMinor: number, basisPoints: number): number {
  return Math.floor((amountMinor * basisPoints + 5000) / 10_000);
}

/**
 * The totals of an order. `discountMinor` (a discount code's amount, already
 * capped at the goods: lib/discounts) comes off the goods before tax, so tax
 * is charged on what is actually paid; the free-shipping threshold is judged
 * on the goods before the discount.
 */
export function orderTotals(lines: readonly PricedLine[], method: ShippingMethodName, rules: PricingRules, discountMinor = 0): OrderTotals {
  const subtotalMinor = subtotalOf(lines);
  const option = shippingOptions(subtotalMinor, rules).find((candidate) => candidate.method === method);
  if (!option) throw new Error(`Unknown shipping method: ${method}`);
  if (!Number.isSafeInteger(discountMinor) || discountMinor < 0 || discountMinor > subtotalMinor) throw new Error("A discount must lie between 0 and the goods subtotal.");
  const shippingMinor = option.priceMinor;
  const taxMinor = taxOf(subtotalMinor - discountMinor + shippingMinor, rules.taxRateBasisPoints);
  return { subtotalMinor, discountMinor, shippingMinor, taxMinor, totalMinor: subtotalMinor - discountMinor + shippingMinor + taxMinor };
}
