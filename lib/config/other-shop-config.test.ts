import { describe, expect, it, vi } from "vitest";

// A fork selling in yen, in German, on Tokyo time: what changes when only shop.config.ts does.
vi.mock("@/shop.config", async (original) => {
  const { shopConfig } = await original<typeof import("@/shop.config")>();
  return { shopConfig: { ...shopConfig, currency: "JPY", locale: "de-DE", timeZone: "Asia/Tokyo" } };
});

const { formatMoney } = await import("@/lib/catalog/money");
const { moneyInputSchema } = await import("@/lib/catalog/money-input");
const { moneyInputHint } = await import("@/lib/catalog/money-text");
const { SHOP_CURRENCY } = await import("@/lib/catalog/shop-currency");
const { formatDate, formatInteger, formatZonedDateTime, pageLanguage } = await import("./formats");

describe("another shop configuration (JPY, de-DE, Asia/Tokyo)", () => {
  const lateEvening = new Date("2026-03-05T20:30:00Z"); // already 6 March in Tokyo

  it("prices, entered amounts and hints follow the currency's exponent and the locale", () => {
    expect(SHOP_CURRENCY).toBe("JPY");
    expect(formatMoney({ amountMinor: 2499, currency: SHOP_CURRENCY }).replace(/\s/g, " ")).toBe("2.499 ¥");
    expect(moneyInputSchema("price", 1_000_000).parse("2499")).toBe(2499);
    expect(moneyInputSchema("price", 1_000_000).safeParse("24.99").success).toBe(false);
    expect(moneyInputHint()).toBe("For example 2499: whole amounts, no decimals.");
  });

  it("dates are the shop's day in its own zone, written the locale's way", () => {
    expect(formatDate(lateEvening)).toBe("06.03.2026");
    expect(formatZonedDateTime(lateEvening)).toMatch(/^6\. März 2026, 05:30 (GMT\+9|JST)$/);
    expect(formatInteger(10000)).toBe("10.000");
    expect(pageLanguage).toBe("de");
  });
});
