import "server-only";
import { z } from "zod";
import { MAX_STOCK } from "@/lib/dal/catalog/inventory";

/** A stock adjustment as staff type it: a signed whole number ("+20", "-5") and why. */
export const inventoryAdjustmentSchema = z.object({
  // Which of the product's variants (a hidden field; the DAL refuses one of another product).
  variantId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Choose a variant."),
  delta: z
    .string()
    .trim()
    .regex(/^[+-]?\d{1,7}$/, "Enter a whole number of units, e.g. 20 to add or -5 to remove.")
    .transform(Number)
    .refine((delta) => delta !== 0, "Enter a change other than 0.")
    .refine((delta) => Math.abs(delta) <= MAX_STOCK, "Adjust by at most 1,000,000 units at a time."),
  reason: z.string().trim().min(3, "Say why, in at least 3 characters.").max(300, "Use at most 300 characters."),
});

export type InventoryAdjustmentFormInput = z.input<typeof inventoryAdjustmentSchema>;
