import { describe, expect, it } from "vitest";
import { includedTaxOf, type PricingRules, quoteOrder, ratePrice, shippingOptions, type ShippingRateRule, taxOf, taxRateFor, zoneFor } from "./pricing";

const rate = (fields: Partial<ShippingRateRule> & Pick<ShippingRateRule, "id" | "kind">): ShippingRateRule => ({
  name: fields.id,
  description: "",
  amountMinor: 0,
  freeFromMinor: null,
  bands: [],
  ...fields,
});

const rules: PricingRules = {
  zones: [
    { id: "home", name: "Domestic", countries: ["US"], restOfWorld: false, rates: [rate({ id: "std", kind: "free_over", amountMinor: 495, freeFromMinor: 5000 }), rate({ id: "exp", kind: "flat", amountMinor: 1495 })] },
    { id: "eu", name: "EU", countries: ["DE", "FR"], restOfWorld: false, rates: [rate({ id: "eu-std", kind: "flat", amountMinor: 900 })] },
    {
      id: "world",
      name: "Rest of world",
      countries: [],
      restOfWorld: true,
      rates: [
        rate({
          id: "parcel",
          kind: "weight",
          bands: [
            { minGrams: 0, maxGrams: 1000, amountMinor: 1500 },
            { minGrams: 1000, maxGrams: 5000, amountMinor: 3000 },
          ],
        }),
      ],
    },
  ],
  taxRates: [
    { country: "US", region: "", basisPoints: 0 },
    { country: "US", region: "IL", basisPoints: 825 },
    { country: "DE", region: "", basisPoints: 1900 },
  ],
  pricesIncludeTax: false,
};

const lines = [
  { unitPriceMinor: 1999, quantity: 2, weightGrams: 300 },
  { unitPriceMinor: 500, quantity: 1, weightGrams: 250 },
];

describe("zones and rates", () => {
  it("finds the zone listing a country, else the rest of the world", () => {
    expect(zoneFor(rules, "FR")?.id).toBe("eu");
    expect(zoneFor(rules, "JP")?.id).toBe("world");
    expect(zoneFor({ ...rules, zones: rules.zones.slice(0, 2) }, "JP")).toBeNull();
  });

  it("offers only the destination zone's rates", () => {
    expect(shippingOptions(lines, { country: "US" }, rules).map((option) => option.rateId)).toEqual(["std", "exp"]);
    expect(shippingOptions(lines, { country: "DE" }, rules).map((option) => option.rateId)).toEqual(["eu-std"]);
  });

  it("makes a free-over rate free from its threshold, judged on the goods", () => {
    const freeOver = rate({ id: "f", kind: "free_over", amountMinor: 495, freeFromMinor: 5000 });
    expect(ratePrice(freeOver, 4999, 0)).toBe(495);
    expect(ratePrice(freeOver, 5000, 0)).toBe(0);
  });

  it("charges the weight band an order falls in; lower bound inclusive, upper exclusive; none above the last", () => {
    const parcel = rules.zones[2]!.rates[0]!;
    expect(ratePrice(parcel, 0, 0)).toBe(1500);
    expect(ratePrice(parcel, 0, 999)).toBe(1500);
    expect(ratePrice(parcel, 0, 1000)).toBe(3000);
    expect(ratePrice(parcel, 0, 5000)).toBeNull();
    expect(shippingOptions([{ unitPriceMinor: 100, quantity: 6, weightGrams: 1000 }], { country: "JP" }, rules)).toEqual([]);
  });
});

describe("tax", () => {
  it("takes a region's rate over its country's, matching the region in any case", () => {
    expect(taxRateFor(rules, { country: "US", region: " il " })).toBe(825);
    expect(taxRateFor(rules, { country: "US", region: "CA" })).toBe(0);
    expect(taxRateFor(rules, { country: "DE", region: "Bayern" })).toBe(1900);
    expect(taxRateFor(rules, { country: "JP" })).toBe(0);
  });

  it("rounds added and included tax half up", () => {
    expect(taxOf(5993, 825)).toBe(494); // 494.42
    expect(taxOf(9495, 1000)).toBe(950); // 949.5
    expect(includedTaxOf(1190, 1900)).toBe(190); // exactly 190
    expect(includedTaxOf(1000, 1900)).toBe(160); // 159.66
    expect(includedTaxOf(2100, 500)).toBe(100); // exactly 100
    expect(includedTaxOf(105, 1000)).toBe(10); // 9.545… rounds to 10
    expect(includedTaxOf(1000, 0)).toBe(0);
  });
});

describe("quoteOrder", () => {
  it("takes the discount off, adds shipping, then adds tax on both", () => {
    expect(quoteOrder(lines, "exp", { country: "US", region: "IL" }, rules, 500)).toEqual({
      ok: true,
      rate: { rateId: "exp", label: "exp", description: "", priceMinor: 1495 },
      subtotalMinor: 4498,
      discountMinor: 500,
      shippingMinor: 1495,
      taxMinor: 453, // 8.25 % of 5493 = 453.17
      totalMinor: 5946,
      taxIncluded: false,
      taxRateBasisPoints: 825,
    });
  });

  it("with prices including tax, shows the tax inside the total and adds nothing", () => {
    const quote = quoteOrder(lines, "eu-std", { country: "DE" }, { ...rules, pricesIncludeTax: true }, 498);
    expect(quote).toMatchObject({ ok: true, subtotalMinor: 4498, discountMinor: 498, shippingMinor: 900, totalMinor: 4900, taxIncluded: true, taxRateBasisPoints: 1900 });
    expect(quote.ok && quote.taxMinor).toBe(782); // 4900 × 19/119 = 782.35
  });

  it("judges free shipping on the goods before the discount", () => {
    const quote = quoteOrder([{ unitPriceMinor: 5000, quantity: 1 }], "std", { country: "US" }, rules, 500);
    expect(quote.ok && quote.shippingMinor).toBe(0);
  });

  it("refuses a rate of another zone, and a country no zone serves", () => {
    expect(quoteOrder(lines, "eu-std", { country: "US" }, rules)).toEqual({ ok: false, reason: "rate_unavailable" });
    expect(quoteOrder(lines, "drone", { country: "US" }, rules)).toEqual({ ok: false, reason: "rate_unavailable" });
    expect(quoteOrder(lines, "std", { country: "JP" }, { ...rules, zones: rules.zones.slice(0, 2) })).toEqual({ ok: false, reason: "no_zone" });
  });

  it("refuses a discount below zero or above the goods", () => {
    expect(() => quoteOrder(lines, "std", { country: "US" }, rules, 4499)).toThrow(/discount/);
    expect(() => quoteOrder(lines, "std", { country: "US" }, rules, -1)).toThrow(/discount/);
  });
});
