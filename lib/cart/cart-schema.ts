import { z } from "zod";

/** The database refuses any cart quantity outside 1..999 (a CHECK constraint); the product's own limit is lower. */
export const MAX_CART_QUANTITY = 999;

/**
 * A quantity as a form posts it (text) or code passes it (a number). Whole
 * numbers from 1 to 999 only; the product's maxPerOrder and stock are checked
 * by the data access layer, which knows them.
 */
export const quantityField = z.coerce
  .number({ error: "Enter a quantity." })
  .int("Enter a whole number.")
  .min(1, "Enter a quantity of at least 1.")
  .max(MAX_CART_QUANTITY, `Enter a quantity of at most ${MAX_CART_QUANTITY}.`);

// Row ids are cuids; the bound only keeps junk out of the query.
const rowId = (message: string) => z.string().trim().min(1, message).max(40, message);

/** What "Add to cart" posts. Never a price: prices are read from the product every time. */
export const addToCartSchema = z.object({
  productId: rowId("That product is not available."),
  quantity: quantityField,
});

export const updateCartItemSchema = z.object({
  itemId: rowId("That item is no longer in your cart."),
  quantity: quantityField,
});

export const removeCartItemSchema = z.object({
  itemId: rowId("That item is no longer in your cart."),
});

export type AddToCartInput = z.input<typeof addToCartSchema>;
export type UpdateCartItemInput = z.input<typeof updateCartItemSchema>;
export type RemoveCartItemInput = z.input<typeof removeCartItemSchema>;
