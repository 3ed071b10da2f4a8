import "server-only";
import type { Money } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type PricingRules, type ShippingMethodName, orderTotals, shippingOptions, subtotalOf } from "@/lib/payments/pricing";
import { type CustomerAddressDTO, listMyAddresses } from "@/lib/dal/accounts/addresses";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { previewCartDiscount } from "@/lib/dal/discounts/cart-discount";
import type { DiscountErrorCode } from "@/lib/discounts/discount-rules";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";

export type CustomerCheckoutLineDTO = { name: string; quantity: number; unitPrice: Money; lineTotal: Money; problem: string | null };

/** A shipping choice with the totals it leads to, all computed here (the page only shows them). */
export type CustomerCheckoutOptionDTO = {
  method: ShippingMethodName;
  label: string;
  description: string;
  shipping: Money;
  tax: Money;
  total: Money;
};

export type CustomerCheckoutSummaryDTO = {
  lines: CustomerCheckoutLineDTO[];
  subtotal: Money;
  /** The discount code on the cart and what it takes off (`problem`: why the order would refuse it). */
  discount: { code: string; amount: Money; problem: DiscountErrorCode | null } | null;
  options: CustomerCheckoutOptionDTO[];
  showTax: boolean;
  addresses: CustomerAddressDTO[];
  /** False while a line has a problem: the shopper fixes the cart first. */
  ready: boolean;
};

function problemOf(line: { quantity: number; product: { published: boolean; stock: number; maxPerOrder: number } }): string | null {
  if (!line.product.published) return "No longer available: remove it from your cart.";
  if (line.product.stock === 0) return "Sold out: remove it from your cart.";
  if (line.quantity > line.product.stock) return `Only ${line.product.stock} left: lower the quantity.`;
  if (line.quantity > line.product.maxPerOrder) return `At most ${line.product.maxPerOrder} per order.`;
  return null;
}

/** What the checkout page shows for the viewer's cart, priced from the database; null for an empty cart. */
export async function getCheckoutSummary(viewer: ActiveSession, rules: PricingRules): Promise<CustomerCheckoutSummaryDTO | null> {
  return checkoutSummaryOf({ cart: { userId: viewer.userId } }, rules, () => listMyAddresses(viewer));
}

/**
 * The checkout summary of the cart lines `cart` selects (the caller has
 * decided whose cart that is), with the address book `addresses` reads.
 */
export async function checkoutSummaryOf(
  cart: Prisma.CartItemWhereInput,
  rules: PricingRules,
  addresses: () => Promise<CustomerAddressDTO[]>,
): Promise<CustomerCheckoutSummaryDTO | null> {
  const rows = await db.cartItem.findMany({
    where: cart,
    orderBy: { createdAt: "asc" },
    select: {
      quantity: true,
      cart: { select: { discountCodeId: true } },
      product: { select: { name: true, priceMinor: true, currency: true, published: true, stock: true, maxPerOrder: true, categoryId: true } },
    },
  });
  if (rows.length === 0) return null;
  const currency = rows[0]?.product.currency ?? SHOP_CURRENCY;
  const mixed = rows.some((row) => row.product.currency !== currency);
  const money = (amountMinor: number): Money => ({ amountMinor, currency });
  const lines = rows.map((row) => ({
    name: row.product.name,
    quantity: row.quantity,
    unitPrice: { amountMinor: row.product.priceMinor, currency: row.product.currency },
    lineTotal: { amountMinor: row.product.priceMinor * row.quantity, currency: row.product.currency },
    problem: problemOf(row),
  }));
  const priced = rows.map((row) => ({ unitPriceMinor: row.product.priceMinor, quantity: row.quantity }));
  const subtotalMinor = subtotalOf(priced);
  const discountable = rows.map((row) => ({ unitPriceMinor: row.product.priceMinor, quantity: row.quantity, categoryId: row.product.categoryId }));
  const discount = await previewCartDiscount(rows[0]?.cart.discountCodeId ?? null, { lines: discountable, currency });
  const options = shippingOptions(subtotalMinor, rules).map((option) => {
    const totals = orderTotals(priced, option.method, rules, discount?.amountMinor ?? 0);
    return {
      method: option.method,
      label: option.label,
      description: option.description,
      shipping: money(totals.shippingMinor),
      tax: money(totals.taxMinor),
      total: money(totals.totalMinor),
    };
  });
  return {
    lines,
    subtotal: money(subtotalMinor),
    discount: discount && { code: discount.code, amount: money(discount.amountMinor), problem: discount.problem },
    options,
    showTax: rules.taxRateBasisPoints > 0,
    addresses: await addresses(),
    ready: !mixed && lines.every((line) => line.problem === null),
  };
}
