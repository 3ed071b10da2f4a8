"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { addToCartFormSchema, chosenOptionValues } from "@/lib/cart/cart-schema";
import { cartFailures } from "@/lib/cart/cart-errors";
import { currentShopper } from "@/lib/guards/current-shopper";
import { syncGuestCartCookie } from "@/lib/guards/guest-cart-cookie";
import { addCartItem } from "@/lib/dal/cart/cart";
import { chooseVariant } from "@/lib/dal/cart/variant-choice";
import { publicAction } from "../pipeline/audiences";
import { cartFailureState, invalidCartInputState } from "./cart-action-state";

/**
 * "Add to cart" on a product page. Takes the product, the value chosen for each
 * of its options and a quantity, nothing else: the variant is found from the
 * product's own (so no other product's variant can be named), the price is the variant's.
 */
export const addToCartAction = publicAction(
  {
    input: {
      fields: ["productId", "option1", "option2", "option3", "quantity"],
      schema: addToCartFormSchema,
      echo: { option1: 60, option2: 60, option3: 60, quantity: 12 },
    },
    invalid: (fieldErrors, values) => invalidCartInputState(fieldErrors, "productId", values),
    // The form is on the shared product pages: without JavaScript it carries no token.
    onSharedPages: true,
  },
  async ({ input, values }) => {
    const variantId = await chooseVariant({ productId: input.productId }, chosenOptionValues(input));
    if (!variantId) return cartFailureState(cartFailures.choiceUnavailable(), values);
    const shopper = await currentShopper();
    const result = await addCartItem(shopper, { variantId, quantity: input.quantity });
    if (!result.ok) return cartFailureState(result, values);
    await syncGuestCartCookie(shopper, result.guestToken);
    // The header's count is in the root layout (a shared page's island asks for it again).
    revalidatePath("/", "layout");
    return { status: "success", message: `Added to your cart. You now have ${result.quantity} of these.` };
  },
);
