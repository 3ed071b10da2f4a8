import "server-only";
import { moneyInputSchema } from "@/lib/catalog/money-input";
import { formatMoneyInput } from "@/lib/catalog/money-text";

/** The highest price staff may set: 1,000,000.00 in the shop's currency. */
export const MAX_PRICE_MINOR = 100_000_000;

/** A product price typed as a decimal, as integer minor units (see moneyInputSchema). */
export const priceInputSchema = moneyInputSchema("price", MAX_PRICE_MINOR);

/** Minor units back to the text the price field shows (2499 → "24.99"). */
export const formatPriceInput = formatMoneyInput;
