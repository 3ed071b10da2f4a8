"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { addToCartSchema } from "@/lib/cart/cart-schema";
import { currentShopper } from "@/lib/guards/current-shopper";
import { syncGuestCartCookie } from "@/lib/guards/guest-cart-cookie";
import { addCartItem } from "@/lib/dal/cart/cart";
import { type ActionState, textFields } from "../action-state";
import { cartFailureState, invalidCartInputState, quantityValues } from "./cart-action-state";

/** "Add to cart" on a product page. Takes a product id and a quantity, nothing else: the price is the product's. */
export async function addToCartAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const fields = textFields(formData, ["productId", "quantity"]);
  const values = quantityValues(fields.quantity);
  const parsed = addToCartSchema.safeParse(fields);
  if (!parsed.success) return invalidCartInputState(parsed.error, "productId", values);

  const shopper = await currentShopper();
  const result = await addCartItem(shopper, parsed.data);
  if (!result.ok) return cartFailureState(result, values);
  await syncGuestCartCookie(shopper, result.guestToken);
  // The header's count is in the root layout.
  revalidatePath("/", "layout");
  return { status: "success", message: `Added to your cart. You now have ${result.quantity} of these.` };
}
