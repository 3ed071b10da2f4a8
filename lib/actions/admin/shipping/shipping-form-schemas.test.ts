import { describe, expect, it } from "vitest";
import { rateFormSchema, rateRefSchema, taxFormSchema, zoneFormSchema } from "./shipping-form-schemas";

const rate = { name: "Parcel", description: "", kind: "flat", amount: "4.95", freeFrom: "", bands: "" };
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message).join(" ") ?? "";

describe("the shipping admin forms", () => {
  it("read a rate's amounts in the shop's currency and its bands line by line, sorted", () => {
    expect(rateFormSchema.parse(rate)).toMatchObject({ kind: "flat", amountMinor: 495, freeFromMinor: null, bands: [] });
    expect(rateFormSchema.parse({ ...rate, kind: "free_over", freeFrom: "150" })).toMatchObject({ amountMinor: 495, freeFromMinor: 15_000 });
    expect(rateFormSchema.parse({ ...rate, kind: "weight", amount: "", bands: "1000-5000: 19.95\n0 - 1000: 9.95\n" }).bands).toEqual([
      { minGrams: 0, maxGrams: 1000, amountMinor: 995 },
      { minGrams: 1000, maxGrams: 5000, amountMinor: 1995 },
    ]);
  });

  it("refuse negative amounts, a missing threshold, unreadable and overlapping bands, each with its reason", () => {
    expect(messages(rateFormSchema.safeParse({ ...rate, amount: "-1" }))).toMatch(/cannot be negative/);
    expect(messages(rateFormSchema.safeParse({ ...rate, kind: "free_over" }))).toMatch(/Enter an amount/);
    expect(messages(rateFormSchema.safeParse({ ...rate, kind: "weight", bands: "heavy: 5" }))).toMatch(/from-to: price/);
    expect(messages(rateFormSchema.safeParse({ ...rate, kind: "weight", bands: "0-1000: 5\n500-2000: 9" }))).toMatch(/overlap/);
    expect(messages(rateFormSchema.safeParse({ ...rate, kind: "weight", bands: "" }))).toMatch(/at least one weight band/);
    expect(messages(rateFormSchema.safeParse({ ...rate, kind: "drone" }))).toMatch(/how the rate is priced/);
  });

  it("read a zone's countries in any case and separator, refusing unknown and repeated ones", () => {
    expect(zoneFormSchema.parse({ name: "EU", countries: "de, fr\nit", restOfWorld: "" })).toEqual({ name: "EU", countries: ["DE", "FR", "IT"], restOfWorld: false });
    expect(messages(zoneFormSchema.safeParse({ name: "EU", countries: "DE XX", restOfWorld: "" }))).toMatch(/Unknown country/);
    expect(messages(zoneFormSchema.safeParse({ name: "EU", countries: "DE de", restOfWorld: "" }))).toMatch(/twice/);
  });

  it("read tax rates in per cent as basis points, refusing negative ones and more than 100 %", () => {
    expect(taxFormSchema.parse({ country: "us", region: " NY ", percent: "8.87" })).toEqual({ country: "US", region: "NY", basisPoints: 887 });
    expect(messages(taxFormSchema.safeParse({ country: "US", region: "NY", percent: "8.875" }))).toMatch(/per cent/);
    expect(taxFormSchema.parse({ country: "DE", region: "", percent: "19" }).basisPoints).toBe(1900);
    expect(messages(taxFormSchema.safeParse({ country: "DE", region: "", percent: "-19" }))).toMatch(/never negative/);
    expect(messages(taxFormSchema.safeParse({ country: "DE", region: "", percent: "101" }))).toMatch(/100 %/);
  });

  it("bind a rate to its zone: only 'zone:rate' or 'zone:new'", () => {
    expect(rateRefSchema.safeParse("cmabc1234567890abcdefghij:new").success).toBe(true);
    expect(rateRefSchema.safeParse("cmabc1234567890abcdefghij:cmxyz1234567890abcdefghij").success).toBe(true);
    expect(rateRefSchema.safeParse("cmabc1234567890abcdefghij").success).toBe(false);
    expect(rateRefSchema.safeParse("../x:new").success).toBe(false);
  });
});
