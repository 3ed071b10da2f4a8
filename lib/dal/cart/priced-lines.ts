import "server-only";
import { variantTitle } from "@/lib/catalog/variant-title";
import { orderLineName } from "@/lib/orders/order-line-name";
import type { Prisma } from "@/lib/generated/prisma/client";
import { variantSaleState } from "@/lib/dal/catalog/variant-sale-state";
import { cartLineSelect } from "./dto";

/**
 * A cart line as checkout, order placement and discounts read it: the variant
 * with its price, weight and limits as they are now in the database (nothing
 * the browser sent), and its product's name, category and currency.
 */
export type PricedCartLine = {
  variantId: string;
  productId: string;
  quantity: number;
  name: string;
  variantTitle: string;
  sku: string;
  unitPriceMinor: number;
  currency: string;
  categoryId: string;
  weightGrams: number;
  /** The product is published and the variant not archived. */
  published: boolean;
  stock: number;
  maxPerOrder: number;
};

/**
 * The lines `where` selects, in variant id order unless `orderBy` says
 * otherwise: every checkout then reserves rows in the same order, so two never deadlock.
 */
export async function readPricedLines(
  tx: Prisma.TransactionClient,
  where: Prisma.CartItemWhereInput,
  orderBy: Prisma.CartItemOrderByWithRelationInput | Prisma.CartItemOrderByWithRelationInput[] = { variantId: "asc" },
): Promise<PricedCartLine[]> {
  const rows = await tx.cartItem.findMany({ where, orderBy, select: cartLineSelect });
  return rows.map(({ variantId, quantity, variant }) => {
    const { product } = variant;
    return {
      variantId,
      productId: product.id,
      quantity,
      name: product.name,
      variantTitle: variantTitle(product.options, variant.optionValues),
      sku: variant.sku,
      unitPriceMinor: variant.priceMinor,
      currency: product.currency,
      categoryId: product.categoryId,
      weightGrams: variant.weightGrams,
      ...variantSaleState(variant),
    };
  });
}

/** A line's name with its options, for messages: "Tee (Size: M / Colour: Black)". */
export const lineLabel = (line: { name: string; variantTitle: string }): string => orderLineName({ productName: line.name, variantTitle: line.variantTitle });
