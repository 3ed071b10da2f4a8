import { z } from "zod";
import { addressSchema } from "@/lib/addresses/address-schema";

/** A shipping rate's id as the checkout forms send it. */
export const shippingRateIdField = z.string({ error: "Choose a delivery option." }).trim().min(1, "Choose a delivery option.").max(40, "Choose a delivery option.");

/**
 * What the checkout form may send: an address choice and a shipping rate (its id;
 * the order is refused unless the address's zone offers it).
 * Nothing else is read: a price, currency, total or quantity in the form is
 * never looked at (the order is priced from the database).
 */
export const checkoutChoiceSchema = z.object({
  addressChoice: z.union([z.literal("new"), z.string().min(1).max(40)], { error: "Choose where to ship your order." }),
  shippingRateId: shippingRateIdField,
});

export { addressSchema };
