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

export type OrderTotals = { subtotalMinor: number; shippingMinor: number; taxMinor: number; totalMinor: number };

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

export function orderTotals(lines: readonly PricedLine[], method: ShippingMethodName, rules: PricingRules): OrderTotals {
  const subtotalMinor = subtotalOf(lines);
  const option = shippingOptions(subtotalMinor, rules).find((candidate) => candidate.method === method);
  if (!option) throw new Error(`Unknown shipping method: ${method}`);
  const shippingMinor = option.priceMinor;
  const taxMinor = taxOf(subtotalMinor + shippingMinor, rules.taxRateBasisPoints);
  return { subtotalMinor, shippingMinor, taxMinor, totalMinor: subtotalMinor + shippingMinor + taxMinor };
}
