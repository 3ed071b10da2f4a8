import { describe, expect, it } from "vitest";
import { discountAmountOf, evaluateDiscount, normaliseDiscountCode, type DiscountLimits, type DiscountRule } from "./discount-rules";

const now = new Date("2026-06-01T12:00:00Z");
const base: DiscountRule & DiscountLimits = {
  kind: "percentage",
  percentOff: 10,
  amountOffMinor: null,
  currency: "USD",
  minSubtotalMinor: null,
  startsAt: null,
  endsAt: null,
  active: true,
  categoryIds: [],
  totalLimit: null,
  perCustomerLimit: null,
};
const lines = [
  { unitPriceMinor: 1999, quantity: 2, categoryId: "bags" },
  { unitPriceMinor: 500, quantity: 1, categoryId: "lamps" },
];
const order = { lines, currency: "USD" };
const unused = { total: 0, byCustomer: 0 };

describe("discount rules", () => {
  it("normalises codes so shoppers may type any case", () => {
    expect(normaliseDiscountCode("  welcome10 ")).toBe("WELCOME10");
  });

  it("takes a percentage of the goods, rounded half up", () => {
    expect(evaluateDiscount(base, order, unused, now)).toEqual({ ok: true, amountMinor: 450 }); // 10 % of 4498 = 449.8
    expect(discountAmountOf({ ...base, percentOff: 15 }, [{ unitPriceMinor: 30, quantity: 1, categoryId: "x" }])).toBe(5); // 4.5
  });

  it("takes a fixed amount, never more than the goods", () => {
    const fixed = { ...base, kind: "fixed_amount" as const, percentOff: null, amountOffMinor: 1000 };
    expect(evaluateDiscount(fixed, order, unused, now)).toEqual({ ok: true, amountMinor: 1000 });
    expect(discountAmountOf({ ...fixed, amountOffMinor: 99_999 }, lines)).toBe(4498);
  });

  it("applies to the chosen categories only", () => {
    expect(evaluateDiscount({ ...base, percentOff: 50, categoryIds: ["lamps"] }, order, unused, now)).toEqual({ ok: true, amountMinor: 250 });
    expect(evaluateDiscount({ ...base, categoryIds: ["shoes"] }, order, unused, now)).toEqual({ ok: false, code: "not_applicable" });
  });

  it("refuses a code before its start and from its end", () => {
    expect(evaluateDiscount({ ...base, startsAt: new Date("2026-06-02") }, order, unused, now)).toEqual({ ok: false, code: "not_started" });
    expect(evaluateDiscount({ ...base, endsAt: now }, order, unused, now)).toEqual({ ok: false, code: "expired" });
    expect(evaluateDiscount({ ...base, endsAt: new Date(now.getTime() + 1) }, order, unused, now).ok).toBe(true);
  });

  it("refuses a deactivated code as if it did not exist", () => {
    expect(evaluateDiscount({ ...base, active: false }, order, unused, now)).toEqual({ ok: false, code: "unknown" });
  });

  it("refuses below the minimum subtotal, applies from it", () => {
    expect(evaluateDiscount({ ...base, minSubtotalMinor: 4499 }, order, unused, now)).toEqual({ ok: false, code: "below_minimum" });
    expect(evaluateDiscount({ ...base, minSubtotalMinor: 4498 }, order, unused, now).ok).toBe(true);
  });

  it("refuses an order in another currency", () => {
    expect(evaluateDiscount(base, { ...order, currency: "EUR" }, unused, now)).toEqual({ ok: false, code: "wrong_currency" });
  });

  it("refuses at the total and per-customer limits", () => {
    expect(evaluateDiscount({ ...base, totalLimit: 3 }, order, { total: 3, byCustomer: 0 }, now)).toEqual({ ok: false, code: "exhausted" });
    expect(evaluateDiscount({ ...base, totalLimit: 3 }, order, { total: 2, byCustomer: 0 }, now).ok).toBe(true);
    expect(evaluateDiscount({ ...base, perCustomerLimit: 1 }, order, { total: 9, byCustomer: 1 }, now)).toEqual({ ok: false, code: "used_up" });
  });
});
