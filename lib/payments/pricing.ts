/**
 * Order amounts, always computed on the server from database prices and the
 * shop's shipping zones and tax rates (never from anything a browser sent).
 * Integer minor units throughout: no floats touch money. Pure: the rules are
 * passed in (lib/dal/shipping/pricing-rules.ts reads them from the database).
 */
export const RATE_KINDS = ["flat", "weight", "free_over"] as const;
export type RateKind = (typeof RATE_KINDS)[number];

/** Orders from `minGrams` (inclusive) to `maxGrams` (exclusive) pay `amountMinor`. */
export type WeightBand = { minGrams: number; maxGrams: number; amountMinor: number };

export type ShippingRateRule = {
  id: string;
  name: string;
  description: string;
  kind: RateKind;
  /** flat: the price; free_over: the price below the threshold; weight: unused. */
  amountMinor: number;
  /** free_over: free from this goods subtotal (before any discount). */
  freeFromMinor: number | null;
  bands: readonly WeightBand[];
};

export type ShippingZoneRule = { id: string; name: string; countries: readonly string[]; restOfWorld: boolean; rates: readonly ShippingRateRule[] };

/** `region` "" is the whole country; a region's rate overrides its country's. */
export type TaxRateRule = { country: string; region: string; basisPoints: number };

export type PricingRules = { zones: readonly ShippingZoneRule[]; taxRates: readonly TaxRateRule[]; pricesIncludeTax: boolean };

export type Destination = { country: string; region?: string | null };

export type ShippingOption = { rateId: string; label: string; description: string; priceMinor: number };

export type OrderTotals = {
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** True: `taxMinor` is contained in the total (prices include tax); false: it was added to it. */
  taxIncluded: boolean;
  taxRateBasisPoints: number;
};

export type PricedLine = { unitPriceMinor: number; quantity: number; weightGrams?: number };

export function subtotalOf(lines: readonly PricedLine[]): number {
  return lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
}

export function weightOf(lines: readonly PricedLine[]): number {
  return lines.reduce((sum, line) => sum + (line.weightGrams ?? 0) * line.quantity, 0);
}

/** The zone that serves `country`: the one listing it, else the rest-of-world zone; null: the shop does not ship there. */
export function zoneFor(rules: PricingRules, country: string): ShippingZoneRule | null {
  return rules.zones.find((zone) => zone.countries.includes(country)) ?? rules.zones.find((zone) => zone.restOfWorld) ?? null;
}

/** What a rate charges for these goods, or null when it does not apply (a weight above or between its bands). */
export function ratePrice(rate: ShippingRateRule, subtotalMinor: number, weightGrams: number): number | null {
  if (rate.kind === "flat") return rate.amountMinor;
  if (rate.kind === "free_over") return rate.freeFromMinor !== null && subtotalMinor >= rate.freeFromMinor ? 0 : rate.amountMinor;
  const band = rate.bands.find((candidate) => weightGrams >= candidate.minGrams && weightGrams < candidate.maxGrams);
  return band ? band.amountMinor : null;
}

/** The rates offered to `destination` for these goods: only its zone's, only those that apply. */
export function shippingOptions(lines: readonly PricedLine[], destination: Destination, rules: PricingRules): ShippingOption[] {
  const zone = zoneFor(rules, destination.country);
  if (!zone) return [];
  const subtotalMinor = subtotalOf(lines);
  const weightGrams = weightOf(lines);
  return zone.rates.flatMap((rate) => {
    const priceMinor = ratePrice(rate, subtotalMinor, weightGrams);
    return priceMinor === null ? [] : [{ rateId: rate.id, label: rate.name, description: rate.description, priceMinor }];
  });
}

const sameRegion = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The tax rate of a destination: its region's if one is set, else its country's, else none (0). */
export function taxRateFor(rules: PricingRules, destination: Destination): number {
  const region = destination.region?.trim() ?? "";
  const country = rules.taxRates.filter((rate) => rate.country === destination.country);
  const regional = region ? country.find((rate) => rate.region !== "" && sameRegion(rate.region, region)) : undefined;
  return (regional ?? country.find((rate) => rate.region === ""))?.basisPoints ?? 0;
}

/** Tax added on top of a net amount, rounded half up to the minor unit. */
export function taxOf(amountMinor: number, basisPoints: number): number {
  return Math.floor((amountMinor * basisPoints + 5000) / 10_000);
}

/** The tax contained in a gross amount (gross × rate / (1 + rate)), rounded half up to the minor unit. */
export function includedTaxOf(grossMinor: number, basisPoints: number): number {
  const denominator = 10_000 + basisPoints;
  return Math.floor((2 * grossMinor * basisPoints + denominator) / (2 * denominator));
}

export type QuoteRefusal = "no_zone" | "rate_unavailable";
export type OrderQuote = ({ ok: true; rate: ShippingOption } & OrderTotals) | { ok: false; reason: QuoteRefusal };

/**
 * The totals of an order shipped to `destination` by rate `rateId`: the
 * discount (a code's amount, already capped at the goods: lib/discounts)
 * comes off the goods, then shipping is added, then tax on that (goods after
 * discount plus shipping) is either added or, when prices include tax, found
 * inside it. Refused (never priced with another zone's rate) when the rate is
 * not one the destination's zone offers for these goods.
 */
export function quoteOrder(lines: readonly PricedLine[], rateId: string, destination: Destination, rules: PricingRules, discountMinor = 0): OrderQuote {
  const subtotalMinor = subtotalOf(lines);
  if (!Number.isSafeInteger(discountMinor) || discountMinor < 0 || discountMinor > subtotalMinor) throw new Error("A discount must lie between 0 and the goods subtotal.");
  if (!zoneFor(rules, destination.country)) return { ok: false, reason: "no_zone" };
  const rate = shippingOptions(lines, destination, rules).find((option) => option.rateId === rateId);
  if (!rate) return { ok: false, reason: "rate_unavailable" };
  const shippingMinor = rate.priceMinor;
  const taxRateBasisPoints = taxRateFor(rules, destination);
  const chargedMinor = subtotalMinor - discountMinor + shippingMinor;
  const taxIncluded = rules.pricesIncludeTax;
  const taxMinor = taxIncluded ? includedTaxOf(chargedMinor, taxRateBasisPoints) : taxOf(chargedMinor, taxRateBasisPoints);
  const totalMinor = taxIncluded ? chargedMinor : chargedMinor + taxMinor;
  return { ok: true, rate, subtotalMinor, discountMinor, shippingMinor, taxMinor, totalMinor, taxIncluded, taxRateBasisPoints };
}
