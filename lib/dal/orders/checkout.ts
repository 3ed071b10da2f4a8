import "server-only";
import type { Money } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Destination, type PricedLine, type PricingRules, quoteOrder, shippingOptions, subtotalOf, taxRateFor, zoneFor } from "@/lib/payments/pricing";
import { countryCodes } from "@/lib/addresses/countries";
import { loadPricingRules } from "@/lib/dal/shipping/pricing-rules";
import { type CustomerAddressDTO, listMyAddresses } from "@/lib/dal/accounts/addresses";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { previewCartDiscount } from "@/lib/dal/discounts/cart-discount";
import type { DiscountErrorCode } from "@/lib/discounts/discount-rules";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import { notEnoughStock } from "@/lib/catalog/stock-availability";
import { type PricedCartLine, readPricedLines } from "@/lib/dal/cart/priced-lines";

export type CustomerCheckoutLineDTO = { name: string; variantTitle: string; quantity: number; unitPrice: Money; lineTotal: Money; problem: string | null };

/** A shipping choice with the totals it leads to, all computed here (the page only shows them). */
export type CustomerCheckoutOptionDTO = {
  rateId: string;
  label: string;
  description: string;
  shipping: Money;
  tax: Money;
  total: Money;
};

/** What one kind of destination (a zone and a tax rate) is offered, and the totals. */
export type CustomerCheckoutQuoteDTO = {
  options: CustomerCheckoutOptionDTO[];
  /** True: the prices include the tax shown ("incl."); false: it is added. */
  taxIncluded: boolean;
  /** Basis points; 0 shows no tax line. */
  taxRateBasisPoints: number;
};

export type CustomerCheckoutSummaryDTO = {
  lines: CustomerCheckoutLineDTO[];
  subtotal: Money;
  /** The discount code on the cart and what it takes off (`problem`: why the order would refuse it). */
  discount: { code: string; amount: Money; problem: DiscountErrorCode | null } | null;
  /** The delivery options and totals per destination, by quote key. */
  quotes: Record<string, CustomerCheckoutQuoteDTO>;
  /** The quote key of each country the shop delivers to (by country code; absent: no delivery there). */
  countryQuotes: Record<string, string>;
  /** The quote key of each saved address (its region may have its own tax rate). */
  addressQuotes: Record<string, string>;
  addresses: CustomerAddressDTO[];
  /** False while a line has a problem: the shopper fixes the cart first. */
  ready: boolean;
};

function problemOf(line: PricedCartLine): string | null {
  if (!line.published) return "No longer available: remove it from your cart.";
  if (line.stock === 0) return "Sold out: remove it from your cart.";
  // The count only when it is low (the public stock rule): "Only 2 left", never "Only 37 left".
  if (line.quantity > line.stock) return `${notEnoughStock(line.stock)}: lower the quantity.`;
  if (line.quantity > line.maxPerOrder) return `At most ${line.maxPerOrder} per order.`;
  return null;
}

/** What the checkout page shows for the viewer's cart, priced from the database; null for an empty cart. */
export async function getCheckoutSummary(viewer: ActiveSession, rules?: PricingRules): Promise<CustomerCheckoutSummaryDTO | null> {
  return checkoutSummaryOf({ cart: { userId: viewer.userId } }, rules, () => listMyAddresses(viewer));
}

/**
 * The checkout summary of the cart lines `cart` selects (the caller has
 * decided whose cart that is), with the address book `addresses` reads.
 */
export async function checkoutSummaryOf(
  cart: Prisma.CartItemWhereInput,
  pinned: PricingRules | undefined,
  addresses: () => Promise<CustomerAddressDTO[]>,
): Promise<CustomerCheckoutSummaryDTO | null> {
  const rows = await readPricedLines(db, cart, [{ createdAt: "asc" }, { id: "asc" }]);
  if (rows.length === 0) return null;
  const discountCodeId = (await db.cartItem.findFirst({ where: cart, select: { cart: { select: { discountCodeId: true } } } }))?.cart.discountCodeId ?? null;
  const currency = rows[0]?.currency ?? SHOP_CURRENCY;
  const mixed = rows.some((row) => row.currency !== currency);
  const money = (amountMinor: number): Money => ({ amountMinor, currency });
  const lines = rows.map((row) => ({
    name: row.name,
    variantTitle: row.variantTitle,
    quantity: row.quantity,
    unitPrice: { amountMinor: row.unitPriceMinor, currency: row.currency },
    lineTotal: { amountMinor: row.unitPriceMinor * row.quantity, currency: row.currency },
    problem: problemOf(row),
  }));
  const priced = rows.map((row) => ({ unitPriceMinor: row.unitPriceMinor, quantity: row.quantity, weightGrams: row.weightGrams }));
  const subtotalMinor = subtotalOf(priced);
  const discountable = rows.map((row) => ({ unitPriceMinor: row.unitPriceMinor, quantity: row.quantity, categoryId: row.categoryId }));
  const discount = await previewCartDiscount(discountCodeId, { lines: discountable, currency });
  const rules = pinned ?? (await loadPricingRules());
  const addressBook = await addresses();
  const quotes: Record<string, CustomerCheckoutQuoteDTO> = {};
  const keyOf = (destination: Destination): string | null => {
    const zone = zoneFor(rules, destination.country);
    if (!zone) return null;
    const key = `${zone.id}:${taxRateFor(rules, destination)}`;
    quotes[key] ??= quoteFor(priced, destination, rules, discount?.amountMinor ?? 0, money);
    return key;
  };
  const countryQuotes = keyed(countryCodes.map((country) => [country, keyOf({ country })]));
  const addressQuotes = keyed(addressBook.map((address) => [address.id, keyOf({ country: address.country, region: address.region })]));
  return {
    lines,
    subtotal: money(subtotalMinor),
    discount: discount && { code: discount.code, amount: money(discount.amountMinor), problem: discount.problem },
    quotes,
    countryQuotes,
    addressQuotes,
    addresses: addressBook,
    ready: !mixed && lines.every((line) => line.problem === null),
  };
}

const keyed = (pairs: [string, string | null][]): Record<string, string> =>
  Object.fromEntries(pairs.filter((pair): pair is [string, string] => pair[1] !== null));

/** Every rate the destination's zone offers for these goods, each with the order's totals by it. */
function quoteFor(lines: PricedLine[], destination: Destination, rules: PricingRules, discountMinor: number, money: (amountMinor: number) => Money): CustomerCheckoutQuoteDTO {
  const options = shippingOptions(lines, destination, rules).flatMap((option) => {
    const quote = quoteOrder(lines, option.rateId, destination, rules, discountMinor);
    if (!quote.ok) return [];
    return [{ rateId: option.rateId, label: option.label, description: option.description, shipping: money(quote.shippingMinor), tax: money(quote.taxMinor), total: money(quote.totalMinor) }];
  });
  return { options, taxIncluded: rules.pricesIncludeTax, taxRateBasisPoints: taxRateFor(rules, destination) };
}
