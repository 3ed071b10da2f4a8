import "server-only";
import { z } from "zod";

/** The highest price staff may set: 1,000,000.00 in the shop's currency. */
export const MAX_PRICE_MINOR = 100_000_000;

/**
 * A price typed as a decimal ("24.99", "5", "0.5") read as integer minor
 * units (2499, 500, 50). The digits are read as text, never through a float,
 * so "0.29" is exactly 29. Refused: negatives, more than two decimals, other
 * characters, and more than 1,000,000.
 */
export const priceInputSchema = z
  .string()
  .trim()
  .transform((text, context) => {
    const refuse = (message: string) => {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (text === "") return refuse("Enter a price, e.g. 24.99.");
    if (text.startsWith("-")) return refuse("A price cannot be negative.");
    const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
    if (!match) return refuse("Enter the price as a number, e.g. 24.99.");
    const [, whole = "", fraction = ""] = match;
    if (fraction.length > 2) return refuse("Use at most two decimal places.");
    const minor = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    if (minor > MAX_PRICE_MINOR) return refuse("The highest price is 1,000,000.00.");
    return minor;
  });

/** Minor units back to the text the price field shows (2499 → "24.99"). */
export function formatPriceInput(amountMinor: number): string {
  return `${Math.trunc(amountMinor / 100)}.${String(amountMinor % 100).padStart(2, "0")}`;
}
