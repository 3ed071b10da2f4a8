import { notEnoughStock, publicStockLimit } from "@/lib/catalog/stock-availability";
import { MAX_CART_QUANTITY } from "./cart-schema";

/**
 * What stands between a cart line and checkout, worked out from the product as
 * it is now (the cart may be weeks old: products are unpublished, sell out or
 * change their limits meanwhile).
 */
export const CartProblemCode = {
  unavailable: "unavailable",
  outOfStock: "out-of-stock",
  fewerLeft: "fewer-left",
  overOrderLimit: "over-order-limit",
} as const;

export type CartProblemCode = (typeof CartProblemCode)[keyof typeof CartProblemCode];

export type CartLineProblem = { code: CartProblemCode; message: string };

export type LineState = { published: boolean; stock: number; maxPerOrder: number; quantity: number };

/** The first problem of a line, most serious first; null when it can be bought as it is. */
export function lineProblem({ published, stock, maxPerOrder, quantity }: LineState): CartLineProblem | null {
  if (!published) return { code: CartProblemCode.unavailable, message: "No longer available. Remove it to check out." };
  if (stock < 1) return { code: CartProblemCode.outOfStock, message: "Out of stock. Remove it to check out." };
  // The count only when it is low (the public stock rule): "Only 2 left", never "Only 37 left".
  if (quantity > stock) return { code: CartProblemCode.fewerLeft, message: `${notEnoughStock(stock)}. Lower the quantity to check out.` };
  if (quantity > maxPerOrder) {
    return { code: CartProblemCode.overOrderLimit, message: `At most ${maxPerOrder} per order. Lower the quantity to check out.` };
  }
  return null;
}

/**
 * The most a line (or an add) may hold right now: 0 when the product cannot be
 * bought. Stock limits it only when low, so the limit never reveals a larger count.
 */
export function purchasableQuantity({ published, stock, maxPerOrder }: Omit<LineState, "quantity">): number {
  return published ? Math.max(0, Math.min(publicStockLimit(stock), maxPerOrder, MAX_CART_QUANTITY)) : 0;
}
