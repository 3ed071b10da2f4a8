import { currencyExponent } from "./money";
import { SHOP_CURRENCY } from "./shop-currency";

/*
 * Money as staff type it into a form field: a plain decimal in the currency's
 * own digits. Kept apart from the zod schema (money-input.ts) so client forms
 * can show hints without loading it.
 */

const DIGIT_WORDS: Record<number, string> = { 1: "one", 2: "two", 3: "three", 4: "four" };

/** "two" for 2: how hints and errors speak of a currency's decimals. */
export const decimalsInWords = (digits: number) => DIGIT_WORDS[digits] ?? String(digits);

/** Minor units as the plain decimal a money field shows, in the currency's own digits (2499 USD → "24.99", 2499 JPY → "2499"). */
export function formatMoneyInput(amountMinor: number, currency: string = SHOP_CURRENCY): string {
  const digits = currencyExponent(currency);
  if (digits === 0) return String(amountMinor);
  const scale = 10 ** digits;
  return `${Math.trunc(amountMinor / scale)}.${String(amountMinor % scale).padStart(digits, "0")}`;
}

/**
 * A large amount as a message names it, its thousands grouped with commas as
 * money fields are typed with a point: 100000000 USD → "1,000,000.00".
 */
export function groupedMoneyInput(amountMinor: number, currency: string = SHOP_CURRENCY): string {
  const [whole = "", fraction] = formatMoneyInput(amountMinor, currency).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** The smallest amount of the currency as typed: "0.01" for USD, "1" for JPY. */
export function smallestMoneyInput(currency: string = SHOP_CURRENCY): string {
  return formatMoneyInput(1, currency);
}

/** An example amount in the currency's digits: "24.99" for USD, "2499" for JPY. */
export function exampleMoneyInput(currency: string = SHOP_CURRENCY): string {
  return formatMoneyInput(2499 * 10 ** Math.max(0, currencyExponent(currency) - 2), currency);
}

/** The hint under a money field: "For example 24.99: at most two decimals." */
export function moneyInputHint(currency: string = SHOP_CURRENCY): string {
  const digits = currencyExponent(currency);
  const rule = digits === 0 ? "whole amounts, no decimals" : `at most ${decimalsInWords(digits)} decimals`;
  return `For example ${exampleMoneyInput(currency)}: ${rule}.`;
}
