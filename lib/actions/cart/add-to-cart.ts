"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { addToCartSchema } from "@/lib/cart/cart-schema";
import { currentShopper } from "@/lib/guards/current-shopper";
import { syncGuestCartCookie } from "@/lib/guards/guest-cart-cookie";
import { addCartItem } from "@/lib/dal/cart/cart";
import { publicAction } from "../pipeline/audiences";
import { cartFailureState, invalidCartInputState } from "./cart-action-state";

/** "Add to cart" on a product page. Takes a product id and a quantity, nothing else: the price is the product's. */
export const addToCartAction = publicAction(
  {
    input: { fields: ["productId", "quantity"], schema: addToCartSchema, echo: { quantity: 12 } },
    invalid: (fieldErrors, values) => invalidCartInputState(fieldErrors, "productId", values),
    // The form is on the shared product pages: without JavaScript it carries no token.
    onSharedPages: true,
  },
  async ({ input, values }) => {
    const shopper = await currentShopper();
    const result = await addCartItem(shopper, input);
    if (!result.ok) return cartFailureState(result, values);
    await syncGuestCartCookie(shopper, result.guestToken);
    // The header's count is in the root layout (a shared page's island asks for it again).
    revalidatePath("/", "layout");
    return { status: "success", message: `Added to your cart. You now have ${result.quantity} of these.` };
  },
);
