import { describe, expect, it } from "vitest";
import { formatMoney, moneyDecimalString } from "./money";

describe("formatMoney", () => {
  it("formats USD cents as dollars", () => {
    expect(formatMoney({ amountMinor: 7999, currency: "USD" })).toBe("$79.99");
    expect(formatMoney({ amountMinor: 0, currency: "USD" })).toBe("$0.00");
    expect(formatMoney({ amountMinor: 5, currency: "USD" })).toBe("$0.05");
    expect(formatMoney({ amountMinor: 100000, currency: "USD" })).toBe("$1,000.00");
  });

  it("accepts a lower-case currency code", () => {
    expect(formatMoney({ amountMinor: 7999, currency: "usd" })).toBe("$79.99");
  });

  it("uses zero minor digits for JPY", () => {
    expect(formatMoney({ amountMinor: 1500, currency: "JPY" })).toBe("¥1,500");
  });

  it("uses three minor digits for KWD", () => {
    const formatted = formatMoney({ amountMinor: 1234, currency: "KWD" });
    expect(formatted).toContain("1.234");
    expect(formatted).not.toContain("12.34");
  });

  it("formats negative amounts", () => {
    const formatted = formatMoney({ amountMinor: -7999, currency: "USD" });
    expect(formatted).toMatch(/^[-\u2212]\$79\.99$/);
  });

  it("formats with another locale when asked", () => {
    const formatted = formatMoney({ amountMinor: 123456, currency: "EUR" }, "de-DE");
    expect(formatted).toContain("1.234,56");
    expect(formatted).toContain("€");
  });

  it("rejects amounts that are not safe integers", () => {
    expect(() => formatMoney({ amountMinor: 1.5, currency: "USD" })).toThrow(RangeError);
    expect(() => formatMoney({ amountMinor: Number.MAX_SAFE_INTEGER + 1, currency: "USD" })).toThrow(RangeError);
    expect(() => formatMoney({ amountMinor: Number.NaN, currency: "USD" })).toThrow(RangeError);
  });
});

describe("moneyDecimalString", () => {
  it("writes minor units in the currency's own digits, without floats", () => {
    expect(moneyDecimalString({ amountMinor: 7999, currency: "USD" })).toBe("79.99");
    expect(moneyDecimalString({ amountMinor: 24900, currency: "usd" })).toBe("249.00");
    expect(moneyDecimalString({ amountMinor: 5, currency: "USD" })).toBe("0.05");
    expect(moneyDecimalString({ amountMinor: 0, currency: "USD" })).toBe("0.00");
    expect(moneyDecimalString({ amountMinor: 500, currency: "JPY" })).toBe("500");
    expect(moneyDecimalString({ amountMinor: 1234, currency: "KWD" })).toBe("1.234");
    expect(moneyDecimalString({ amountMinor: -7999, currency: "USD" })).toBe("-79.99");
    // 0.1 + 0.2 territory: a float division would print 1.0000000000000002-style digits somewhere.
    expect(moneyDecimalString({ amountMinor: 900719925474099, currency: "USD" })).toBe("9007199254740.99");
  });

  it("rejects amounts that are not safe integers", () => {
    expect(() => moneyDecimalString({ amountMinor: 1.5, currency: "USD" })).toThrow(RangeError);
  });
});
