"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { currentShopper } from "@/lib/guards/current-shopper";
import { removeDiscountCode } from "@/lib/dal/discounts/cart-discount";
import { publicAction } from "../pipeline/audiences";

/** "Remove" beside an applied discount code: takes it off the shopper's own cart. */
export const removeDiscountCodeAction = publicAction({}, async () => {
  await removeDiscountCode(await currentShopper());
  revalidatePath("/checkout", "layout");
  return { status: "success", message: "Discount code removed." };
});
