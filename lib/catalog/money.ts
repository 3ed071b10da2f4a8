import { shopConfig } from "@/shop.config";

/**
 * Money is an integer count of minor units (cents) plus an ISO 4217 currency;
 * never a float. Formatting divides by the currency's own minor-unit digits, so
 * JPY (0 digits) and KWD (3 digits) print correctly too.
 */
export type Money = { amountMinor: number; currency: string };

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The currency's minor-unit exponent as ISO 4217 (and so Stripe) counts it:
 * USD 2, JPY 0, KWD 3. Read from Intl's data rather than a hand-kept table.
 */
export function currencyExponent(currency: string): number {
  return formatterFor(currency.toUpperCase(), "en").resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats minor units for display in the shop's locale, e.g. `{ amountMinor: 7999, currency: "USD" }` → "$79.99". */
export function formatMoney({ amountMinor, currency }: Money, locale: string = shopConfig.locale): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError("amountMinor must be a safe integer");
  return formatterFor(currency.toUpperCase(), locale).format(amountMinor / 10 ** currencyExponent(currency));
}

/**
 * Minor units as a plain decimal string in the currency's own digits, as
 * schema.org and feeds expect a price: 7999 USD → "79.99", 500 JPY → "500".
 * Integer arithmetic only, so no float rounding can creep in.
 */
export function moneyDecimalString({ amountMinor, currency }: Money): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError("amountMinor must be a safe integer");
  const digits = currencyExponent(currency);
  const sign = amountMinor < 0 ? "-" : "";
  const units = String(Math.abs(amountMinor)).padStart(digits + 1, "0");
  if (digits === 0) return `${sign}${units}`;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}
