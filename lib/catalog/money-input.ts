import { z } from "zod";

/**
 * An amount typed by staff as a decimal ("24.99", "5", "0.5"), read as integer
 * minor units (2499, 500, 50) of a two-decimal currency. The digits are read
 * as text, never through a float, so "0.29" is exactly 29. Refused, each with
 * its reason: empty, negative, more than two decimals, anything else that is
 * not a number, and more than `maxMinor`.
 */
export function moneyInputSchema(noun: "price" | "amount", maxMinor: number) {
  const max = `${Math.trunc(maxMinor / 100).toLocaleString("en-US")}.${String(maxMinor % 100).padStart(2, "0")}`;
  return z
    .string()
    .trim()
    .transform((text, context) => {
      const refuse = (message: string) => {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      if (text === "") return refuse(`Enter ${noun === "price" ? "a price" : "an amount"}, e.g. 24.99.`);
      if (text.startsWith("-")) return refuse(`${noun === "price" ? "A price" : "An amount"} cannot be negative.`);
      const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
      if (!match) return refuse(`Enter the ${noun} as a number, e.g. 24.99.`);
      const [, whole = "", fraction = ""] = match;
      if (fraction.length > 2) return refuse("Use at most two decimal places.");
      const minor = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
      if (minor > maxMinor) return refuse(`The highest ${noun} is ${max}.`);
      return minor;
    });
}

/** Minor units back to the text a money field shows (2499 → "24.99"). */
export function formatMoneyInput(amountMinor: number): string {
  return `${Math.trunc(amountMinor / 100)}.${String(amountMinor % 100).padStart(2, "0")}`;
}
