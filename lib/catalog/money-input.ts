import { z } from "zod";
import { currencyExponent } from "./money";
import { decimalsInWords, exampleMoneyInput, groupedMoneyInput } from "./money-text";
import { SHOP_CURRENCY } from "./shop-currency";

/**
 * An amount typed by staff as a decimal ("24.99", "5", "0.5"), read as integer
 * minor units (2499, 500, 50) of the currency, with its own exponent: USD
 * takes two decimals, JPY none, KWD three. The digits are read as text, never
 * through a float, so "0.29" is exactly 29. Refused, each with its reason:
 * empty, negative, more decimals than the currency has, anything else that is
 * not a number, and more than `maxMinor`.
 */
export function moneyInputSchema(noun: "price" | "amount", maxMinor: number, currency: string = SHOP_CURRENCY) {
  const digits = currencyExponent(currency);
  const example = exampleMoneyInput(currency);
  const max = groupedMoneyInput(maxMinor, currency);
  return z
    .string()
    .trim()
    .transform((text, context) => {
      const refuse = (message: string) => {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      if (text === "") return refuse(`Enter ${noun === "price" ? "a price" : "an amount"}, e.g. ${example}.`);
      if (text.startsWith("-")) return refuse(`${noun === "price" ? "A price" : "An amount"} cannot be negative.`);
      const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
      if (!match) return refuse(`Enter the ${noun} as a number, e.g. ${example}.`);
      const [, whole = "", fraction = ""] = match;
      if (fraction.length > digits) return refuse(digits === 0 ? `${currency} amounts have no decimals.` : `Use at most ${decimalsInWords(digits)} decimal places.`);
      const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
      if (minor > maxMinor) return refuse(`The highest ${noun} is ${max}.`);
      return minor;
    });
}
