import { LOW_STOCK_THRESHOLD, notEnoughStock } from "@/lib/catalog/stock-availability";

/** Why a cart change was refused. Expected failures: returned, never thrown. */
export const CartErrorCode = {
  invalidQuantity: "invalid-quantity",
  productUnavailable: "product-unavailable",
  outOfStock: "out-of-stock",
  overOrderLimit: "over-order-limit",
  overStock: "over-stock",
  itemNotFound: "item-not-found",
  staffAccount: "staff-account",
} as const;

export type CartErrorCode = (typeof CartErrorCode)[keyof typeof CartErrorCode];

/** A refused change: the code for code, the sentence for people. */
export type CartFailure = { ok: false; code: CartErrorCode; message: string };

/** Failures the quantity field should show next to itself, rather than at the top of the form. */
export const quantityErrorCodes: ReadonlySet<CartErrorCode> = new Set([
  CartErrorCode.invalidQuantity,
  CartErrorCode.overOrderLimit,
  CartErrorCode.overStock,
]);

export function cartFailure(code: CartErrorCode, message: string): CartFailure {
  return { ok: false, code, message };
}

const inCartNote = (inCart: number) => (inCart > 0 ? ` You already have ${inCart} in your cart.` : "");

export const cartFailures = {
  productUnavailable: () => cartFailure(CartErrorCode.productUnavailable, "That product is not available."),
  // No variant has the chosen values (or one was not chosen): the same code, a sentence that says what to do.
  choiceUnavailable: () => cartFailure(CartErrorCode.productUnavailable, "That choice is not available. Choose one of the options shown."),
  outOfStock: () => cartFailure(CartErrorCode.outOfStock, "Sorry, that product is out of stock."),
  itemNotFound: () => cartFailure(CartErrorCode.itemNotFound, "That item is no longer in your cart."),
  staffAccount: () =>
    cartFailure(CartErrorCode.staffAccount, "Staff accounts cannot shop. Sign out, or use a customer account."),
  overOrderLimit: (limit: number, inCart = 0) =>
    cartFailure(CartErrorCode.overOrderLimit, `You can order at most ${limit} of this product.${inCartNote(inCart)}`),
  // The count only when it is low (lib/catalog/stock-availability.ts): the stock level is internal.
  overStock: (stock: number, inCart = 0) =>
    cartFailure(CartErrorCode.overStock, `${notEnoughStock(stock)}${stock <= LOW_STOCK_THRESHOLD ? " in stock" : ""}.${inCartNote(inCart)}`),
};
