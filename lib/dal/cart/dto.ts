import "server-only";
import { type CartLineProblem, lineProblem, purchasableQuantity } from "@/lib/cart/line-problems";
import type { Money } from "@/lib/catalog/money";
import { variantSaleSelect, type VariantSaleRow, variantSaleState } from "@/lib/dal/catalog/variant-sale-state";
import { variantTitle } from "@/lib/catalog/variant-title";

/**
 * What the cart page shows its owner. Prices, names and limits are read from
 * the variant and its product on every view, never stored in the cart: a
 * changed price shows at once, and nothing a browser sent can set one.
 */
export type CustomerCartLineDTO = {
  /** The cart item's id: the handle for "Update" and "Remove", only ever matched within the owner's cart. */
  id: string;
  slug: string;
  name: string;
  /** The variant's option values ("Size: M / Colour: Black"); empty for a product without options. */
  variantTitle: string;
  sku: string;
  imagePath: string;
  unitPrice: Money;
  quantity: number;
  lineTotal: Money;
  /** The most this line may hold now (maxPerOrder and stock); 0 when it cannot be bought. */
  maxQuantity: number;
  problem: CartLineProblem | null;
};

export type CustomerCartDTO = {
  lines: CustomerCartLineDTO[];
  /** Units across all lines: what the header shows. */
  itemCount: number;
  /** One total per currency, in the order the lines first use it (a shop normally has one). */
  subtotals: Money[];
  /** Whether any line must be changed before checkout. */
  hasProblems: boolean;
};

export const emptyCart: CustomerCartDTO = { lines: [], itemCount: 0, subtotals: [], hasProblems: false };

/** A cart line with its variant and product as they are now: what the cart page and checkout (lib/dal/cart/priced-lines.ts) read. */
export const cartLineSelect = {
  id: true,
  variantId: true,
  quantity: true,
  variant: {
    select: {
      ...variantSaleSelect,
      sku: true,
      optionValues: true,
      priceMinor: true,
      weightGrams: true,
      product: {
        select: {
          id: true,
          published: true,
          slug: true,
          name: true,
          imagePath: true,
          currency: true,
          categoryId: true,
          options: { select: { name: true }, orderBy: { position: "asc" } },
        },
      },
    },
  },
} as const;

type CartLineRow = {
  id: string;
  quantity: number;
  variant: VariantSaleRow & {
    sku: string;
    optionValues: string[];
    priceMinor: number;
    product: { published: boolean; slug: string; name: string; imagePath: string; currency: string; options: { name: string }[] };
  };
};

function toCartLine({ id, quantity, variant }: CartLineRow): CustomerCartLineDTO {
  const { product } = variant;
  const sale = variantSaleState(variant);
  return {
    id,
    slug: product.slug,
    name: product.name,
    variantTitle: variantTitle(product.options, variant.optionValues),
    sku: variant.sku,
    imagePath: product.imagePath,
    unitPrice: { amountMinor: variant.priceMinor, currency: product.currency },
    quantity,
    lineTotal: { amountMinor: variant.priceMinor * quantity, currency: product.currency },
    maxQuantity: purchasableQuantity(sale),
    problem: lineProblem({ ...sale, quantity }),
  };
}

export function toCart(rows: CartLineRow[]): CustomerCartDTO {
  const lines = rows.map(toCartLine);
  const totals = new Map<string, number>();
  for (const line of lines) {
    totals.set(line.lineTotal.currency, (totals.get(line.lineTotal.currency) ?? 0) + line.lineTotal.amountMinor);
  }
  return {
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotals: [...totals].map(([currency, amountMinor]) => ({ amountMinor, currency })),
    hasProblems: lines.some((line) => line.problem !== null),
  };
}
