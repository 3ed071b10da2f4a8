"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { removeCartItemSchema } from "@/lib/cart/cart-schema";
import { currentShopper } from "@/lib/guards/current-shopper";
import { syncGuestCartCookie } from "@/lib/guards/guest-cart-cookie";
import { removeCartItem } from "@/lib/dal/cart/cart";
import { publicAction } from "../pipeline/audiences";
import { cartFailureState, invalidCartInputState } from "./cart-action-state";

/** "Remove" on a cart line. Another cart's item id removes nothing and reads as "no longer in your cart". */
export const removeCartItemAction = publicAction(
  {
    input: { fields: ["itemId"], schema: removeCartItemSchema },
    invalid: (fieldErrors) => invalidCartInputState(fieldErrors, "itemId", {}),
  },
  async ({ input }) => {
    const shopper = await currentShopper();
    const result = await removeCartItem(shopper, input);
    if (!result.ok) return cartFailureState(result, {});
    await syncGuestCartCookie(shopper, result.guestToken);
    revalidatePath("/", "layout");
    return { status: "success", message: "Item removed." };
  },
);
