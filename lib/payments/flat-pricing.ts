import type { PricingRules } from "./pricing";

/**
 * Pricing rules with one zone for every country, flat "standard" and
 * "express" rates and one tax rate added in `taxCountries`: what the benches
 * and the order test suites price by, so they never depend on the zones staff
 * edit in the database.
 */
export function flatPricingRules(standardMinor: number, expressMinor: number, taxBasisPoints: number, taxCountries: readonly string[] = ["US"]): PricingRules {
  const flat = (id: string, name: string, amountMinor: number) => ({ id, name, description: "", kind: "flat" as const, amountMinor, freeFromMinor: null, bands: [] });
  return {
    zones: [{ id: "everywhere", name: "Everywhere", countries: [], restOfWorld: true, rates: [flat("standard", "Standard", standardMinor), flat("express", "Express", expressMinor)] }],
    taxRates: taxCountries.map((country) => ({ country, region: "", basisPoints: taxBasisPoints })),
    pricesIncludeTax: false,
  };
}
