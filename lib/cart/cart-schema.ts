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

/** What the cart is asked to add: a variant and a quantity. Never a price: prices are read from the variant every time. */
export const addToCartSchema = z.object({
  variantId: rowId("That product is not available."),
  quantity: quantityField,
});

/** One chosen option value as a form posts it (absent for a product with fewer options). */
export const optionValueField = z.string().trim().max(60, "That choice is not available.").optional();

/** What the product page's "Add to cart" form posts: the product, the value chosen for each option, a quantity. */
export const addToCartFormSchema = z.object({
  productId: rowId("That product is not available."),
  option1: optionValueField,
  option2: optionValueField,
  option3: optionValueField,
  quantity: quantityField,
});

/** The chosen values in the options' order (a product with two options posts two). */
export const chosenOptionValues = (form: { option1?: string; option2?: string; option3?: string }): string[] =>
  [form.option1, form.option2, form.option3].filter((value): value is string => value !== undefined && value !== "");

export const updateCartItemSchema = z.object({
  itemId: rowId("That item is no longer in your cart."),
  quantity: quantityField,
});

export const removeCartItemSchema = z.object({
  itemId: rowId("That item is no longer in your cart."),
});

export type AddToCartInput = z.input<typeof addToCartSchema>;
export type AddToCartFormInput = z.input<typeof addToCartFormSchema>;
export type UpdateCartItemInput = z.input<typeof updateCartItemSchema>;
export type RemoveCartItemInput = z.input<typeof removeCartItemSchema>;
