import { z } from "zod";
import { addressSchema } from "@/lib/addresses/address-schema";
import { SHIPPING_METHODS } from "@/lib/payments/pricing";

/**
 * What the checkout form may send: an address choice and a shipping method.
 * Nothing else is read: a price, currency, total or quantity in the form is
 * never looked at (the order is priced from the database).
 */
export const checkoutChoiceSchema = z.object({
  addressChoice: z.union([z.literal("new"), z.string().min(1).max(40)], { error: "Choose where to ship your order." }),
  shippingMethod: z.enum(SHIPPING_METHODS, { error: "Choose a delivery option." }),
});

export { addressSchema };
