import "server-only";
import { type CartLineProblem, lineProblem, purchasableQuantity } from "@/lib/cart/line-problems";
import type { Money } from "@/lib/catalog/money";

/**
 * What the cart page shows its owner. Prices, names and limits are read from
 * the product on every view, never stored in the cart: a changed price shows
 * at once, and nothing a browser sent can set one.
 */
export type CustomerCartLineDTO = {
  /** The cart item's id: the handle for "Update" and "Remove", only ever matched within the owner's cart. */
  id: string;
  slug: string;
  name: string;
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

/** What the "Add to cart" form needs: the product's id and the most one order may take now (0: out of stock). */
export type PublicPurchaseOptionsDTO = { productId: string; maxQuantity: number };

export const emptyCart: CustomerCartDTO = { lines: [], itemCount: 0, subtotals: [], hasProblems: false };

export const cartLineSelect = {
  id: true,
  quantity: true,
  product: {
    select: {
      slug: true,
      name: true,
      imagePath: true,
      priceMinor: true,
      currency: true,
      stock: true,
      published: true,
      maxPerOrder: true,
    },
  },
} as const;

type CartLineRow = {
  id: string;
  quantity: number;
  product: {
    slug: string;
    name: string;
    imagePath: string;
    priceMinor: number;
    currency: string;
    stock: number;
    published: boolean;
    maxPerOrder: number;
  };
};

function toCartLine({ id, quantity, product }: CartLineRow): CustomerCartLineDTO {
  return {
    id,
    slug: product.slug,
    name: product.name,
    imagePath: product.imagePath,
    unitPrice: { amountMinor: product.priceMinor, currency: product.currency },
    quantity,
    lineTotal: { amountMinor: product.priceMinor * quantity, currency: product.currency },
    maxQuantity: purchasableQuantity(product),
    problem: lineProblem({ ...product, quantity }),
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
