import { z } from "zod";
import { addressFieldNames, addressSchema } from "@/lib/addresses/address-schema";
import { shippingRateIdField } from "./checkout-schema";
import { emailField } from "../schemas";

/** The fields of the guest checkout form: where to write, where to ship, how. */
export const guestCheckoutFields = ["email", ...addressFieldNames, "shippingRateId"] as const;

const contactSchema = z.object({ email: emailField, shippingRateId: shippingRateIdField });

/**
 * What the guest checkout form may send: an email, a shipping address (the
 * address book's own rules) and a shipping method, every field's problem
 * reported at once. A price, total or quantity in the form is never read: the
 * order is priced from the database.
 */
export const guestCheckoutSchema = z.looseObject({}).transform((raw, context) => {
  const contact = contactSchema.safeParse(raw);
  const address = addressSchema.safeParse({ ...raw, isDefault: false });
  for (const issue of [...(contact.error?.issues ?? []), ...(address.error?.issues ?? [])]) {
    context.addIssue({ code: "custom", path: issue.path, message: issue.message });
  }
  if (!contact.success || !address.success) return z.NEVER;
  return { ...contact.data, address: address.data };
});
