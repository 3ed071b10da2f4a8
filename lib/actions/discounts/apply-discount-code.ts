"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentShopper } from "@/lib/guards/current-shopper";
import { logger } from "@/lib/log/logger";
import { applyDiscountCode } from "@/lib/dal/discounts/cart-discount";
import { discountRefusalMessage } from "@/lib/discounts/discount-messages";
import { limitRefusedMessage } from "../action-state";
import { publicAction } from "../pipeline/audiences";
import { limitDiscountAttempt } from "./discount-limits";

const applySchema = z.object({ discountCode: z.string().trim().min(1, "Enter a discount code.").max(40, "That discount code is not valid.") });

/**
 * "Apply" beside the checkout totals: puts a discount code on the shopper's
 * own cart once it applies to it. Every try counts against the guessing
 * limits (per address and per cart); the amount is computed on the server,
 * shown in the totals, and computed again when the order is placed.
 */
export const applyDiscountCodeAction = publicAction(
  { input: { fields: ["discountCode"], schema: applySchema, echo: { discountCode: 40 } } },
  async ({ input, request, values }) => {
    const shopper = await currentShopper();
    const limit = await limitDiscountAttempt(shopper, request.ip);
    if (!limit.allowed) {
      // Likely guessing: logged by which limit tripped, never with the code tried or the address.
      if (limit.scope !== "store") logger.warn({ scope: limit.scope }, "discount code attempts throttled");
      return { status: "error", message: limitRefusedMessage(limit, "Too many discount codes tried."), values };
    }
    const result = await applyDiscountCode(shopper, input.discountCode);
    if (!result.ok) {
      const message = discountRefusalMessage(result.code);
      return { status: "error", message, fieldErrors: { discountCode: [message] }, values };
    }
    revalidatePath("/checkout", "layout");
    return { status: "success", message: `Discount code ${result.code} applied.` };
  },
);
