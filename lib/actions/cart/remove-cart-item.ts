"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { removeCartItemSchema } from "@/lib/cart/cart-schema";
import { currentShopper } from "@/lib/guards/current-shopper";
import { syncGuestCartCookie } from "@/lib/guards/guest-cart-cookie";
import { removeCartItem } from "@/lib/dal/cart/cart";
import { type ActionState, textFields } from "../action-state";
import { cartFailureState, invalidCartInputState } from "./cart-action-state";

/** "Remove" on a cart line. Another cart's item id removes nothing and reads as "no longer in your cart". */
export async function removeCartItemAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const fields = textFields(formData, ["itemId"]);
  const parsed = removeCartItemSchema.safeParse(fields);
  if (!parsed.success) return invalidCartInputState(parsed.error, "itemId", {});

  const shopper = await currentShopper();
  const result = await removeCartItem(shopper, parsed.data);
  if (!result.ok) return cartFailureState(result, {});
  await syncGuestCartCookie(shopper, result.guestToken);
  revalidatePath("/", "layout");
  return { status: "success", message: "Item removed." };
}
