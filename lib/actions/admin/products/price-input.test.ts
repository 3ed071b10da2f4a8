import { describe, expect, it } from "vitest";
import { formatPriceInput, priceInputSchema } from "./price-input";

const parse = (text: string) => priceInputSchema.safeParse(text);
const minorOf = (text: string) => {
  const result = parse(text);
  if (!result.success) throw new Error(`${text}: ${result.error.issues[0]?.message}`);
  return result.data;
};
const refusal = (text: string) => {
  const result = parse(text);
  return result.success ? null : result.error.issues[0]?.message;
};

describe("priceInputSchema", () => {
  it("reads decimals as exact integer minor units", () => {
    expect(minorOf("24.99")).toBe(2499);
    expect(minorOf("0.29")).toBe(29); // 0.29 * 100 is 28.999999999999996 as a float
    expect(minorOf("1.1")).toBe(110);
    expect(minorOf(" 5 ")).toBe(500);
    expect(minorOf("0")).toBe(0);
    expect(minorOf("1000000")).toBe(100_000_000);
    expect(minorOf("1000000.00")).toBe(100_000_000);
  });

  it("refuses negatives, more than two decimals, too much and non-numbers, each with its reason", () => {
    expect(refusal("-5")).toBe("A price cannot be negative.");
    expect(refusal("-0.01")).toBe("A price cannot be negative.");
    expect(refusal("24.999")).toBe("Use at most two decimal places.");
    expect(refusal("1000000.01")).toBe("The highest price is 1,000,000.00.");
    expect(refusal("99999999999")).toBe("The highest price is 1,000,000.00.");
    expect(refusal("")).toBe("Enter a price, e.g. 24.99.");
    for (const text of ["abc", "1e3", "0x10", "24,99", "1,000", ".5", "5.", "Infinity", "NaN", "$5", "+5", "5 0"]) {
      expect(refusal(text), text).toBe("Enter the price as a number, e.g. 24.99.");
    }
  });

  it("formats minor units back for the form", () => {
    expect(formatPriceInput(2499)).toBe("24.99");
    expect(formatPriceInput(500)).toBe("5.00");
    expect(formatPriceInput(7)).toBe("0.07");
    expect(minorOf(formatPriceInput(123_456))).toBe(123_456);
  });
});
