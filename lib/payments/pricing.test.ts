import { describe, expect, it } from "vitest";
import { orderTotals, shippingOptions, taxOf } from "./pricing";

const rules = { standardMinor: 495, expressMinor: 1495, taxRateBasisPoints: 0 };

describe("pricing", () => {
  it("adds line totals, shipping and tax", () => {
    const lines = [
      { unitPriceMinor: 1999, quantity: 2 },
      { unitPriceMinor: 500, quantity: 1 },
    ];
    expect(orderTotals(lines, "express", { ...rules, taxRateBasisPoints: 825 })).toEqual({
      subtotalMinor: 4498,
      discountMinor: 0,
      shippingMinor: 1495,
      taxMinor: 494, // 8.25 % of 5993 = 494.42
      totalMinor: 6487,
    });
  });

  it("takes a discount off the goods before tax", () => {
    const lines = [{ unitPriceMinor: 10_000, quantity: 1 }];
    expect(orderTotals(lines, "standard", { ...rules, taxRateBasisPoints: 1000 }, 1000)).toEqual({
      subtotalMinor: 10_000,
      discountMinor: 1000,
      shippingMinor: 495,
      taxMinor: 950, // 10 % of 9000 + 495 = 949.5
      totalMinor: 10_445,
    });
  });

  it("judges free shipping on the goods before the discount", () => {
    const lines = [{ unitPriceMinor: 5000, quantity: 1 }];
    expect(orderTotals(lines, "standard", { ...rules, freeStandardFromMinor: 5000 }, 500).shippingMinor).toBe(0);
  });

  it("refuses a discount above the goods or below zero", () => {
    const lines = [{ unitPriceMinor: 500, quantity: 1 }];
    expect(() => orderTotals(lines, "standard", rules, 501)).toThrow(/discount/);
    expect(() => orderTotals(lines, "standard", rules, -1)).toThrow(/discount/);
  });

  it("rounds tax half up to the cent", () => {
    expect(taxOf(1000, 825)).toBe(83); // 82.5
    expect(taxOf(999, 825)).toBe(82); // 82.4175
    expect(taxOf(12345, 0)).toBe(0);
  });

  it("makes standard shipping free from the threshold, never express", () => {
    const free = { ...rules, freeStandardFromMinor: 5000 };
    expect(shippingOptions(4999, free).map((option) => option.priceMinor)).toEqual([495, 1495]);
    expect(shippingOptions(5000, free).map((option) => option.priceMinor)).toEqual([0, 1495]);
  });

  it("refuses a shipping method it does not offer", () => {
    expect(() => orderTotals([], "drone" as "express", rules)).toThrow(/Unknown shipping method/);
  });
});
