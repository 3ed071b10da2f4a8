"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { updateCartItemSchema } from "@/lib/cart/cart-schema";
import { currentShopper } from "@/lib/guards/current-shopper";
import { syncGuestCartCookie } from "@/lib/guards/guest-cart-cookie";
import { setCartItemQuantity } from "@/lib/dal/cart/cart";
import { publicAction } from "../pipeline/audiences";
import { cartFailureState, invalidCartInputState } from "./cart-action-state";

/** "Update" on a cart line: sets its quantity. The item id is looked up within the shopper's own cart only. */
export const updateCartItemAction = publicAction(
  {
    input: { fields: ["itemId", "quantity"], schema: updateCartItemSchema, echo: { quantity: 12 } },
    invalid: (fieldErrors, values) => invalidCartInputState(fieldErrors, "itemId", values),
  },
  async ({ input, values }) => {
    const shopper = await currentShopper();
    const result = await setCartItemQuantity(shopper, input);
    if (!result.ok) return cartFailureState(result, values);
    await syncGuestCartCookie(shopper, result.guestToken);
    revalidatePath("/", "layout");
    return { status: "success", message: "Quantity updated." };
  },
);
