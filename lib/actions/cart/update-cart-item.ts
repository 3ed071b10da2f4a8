"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { updateCartItemSchema } from "@/lib/cart/cart-schema";
import { currentShopper } from "@/lib/guards/current-shopper";
import { syncGuestCartCookie } from "@/lib/guards/guest-cart-cookie";
import { setCartItemQuantity } from "@/lib/dal/cart/cart";
import { type ActionState, textFields } from "../action-state";
import { cartFailureState, invalidCartInputState, quantityValues } from "./cart-action-state";

/** "Update" on a cart line: sets its quantity. The item id is looked up within the shopper's own cart only. */
export async function updateCartItemAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const fields = textFields(formData, ["itemId", "quantity"]);
  const values = quantityValues(fields.quantity);
  const parsed = updateCartItemSchema.safeParse(fields);
  if (!parsed.success) return invalidCartInputState(parsed.error, "itemId", values);

  const shopper = await currentShopper();
  const result = await setCartItemQuantity(shopper, parsed.data);
  if (!result.ok) return cartFailureState(result, values);
  await syncGuestCartCookie(shopper, result.guestToken);
  revalidatePath("/", "layout");
  return { status: "success", message: "Quantity updated." };
}
