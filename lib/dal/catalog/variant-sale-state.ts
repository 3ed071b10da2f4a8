import "server-only";
import type { LineState } from "@/lib/cart/line-problems";

/**
 * Whether a variant can be sold, and how many: its product published and the
 * variant itself not archived, its stock and per-order limit. Carts, checkout
 * and the product page read a variant through this one select and mapping.
 */
export const variantSaleSelect = {
  stock: true,
  maxPerOrder: true,
  archivedAt: true,
  product: { select: { published: true } },
} as const;

export type VariantSaleRow = { stock: number; maxPerOrder: number; archivedAt: Date | null; product: { published: boolean } };

export function variantSaleState(row: VariantSaleRow): Omit<LineState, "quantity"> {
  return { published: row.product.published && row.archivedAt === null, stock: row.stock, maxPerOrder: row.maxPerOrder };
}
