import { z } from "zod";
import { isCountryCode } from "./countries";
import { canonicalPostalCode, isValidPostalCode } from "./postal-codes";

const text = (label: string, max: number) =>
  z.string().trim().min(1, `Enter the ${label}.`).max(max, `Use at most ${max} characters.`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => value || null);

/** An address as the form posts it, validated on the server (positive validation, V2.2.1). */
export const addressSchema = z
  .object({
    recipientName: text("recipient's name", 100),
    line1: text("street address", 200),
    line2: optionalText(200),
    city: text("town or city", 100),
    region: optionalText(100),
    postalCode: z.string().trim().min(1, "Enter the postal code.").max(12, "Use at most 12 characters.").transform(canonicalPostalCode),
    country: z.string().refine(isCountryCode, "Choose a country from the list."),
    phone: z
      .string()
      .trim()
      .max(25)
      .refine((value) => value === "" || /^\+?[0-9][0-9 ()-]{5,22}$/.test(value), "Enter a phone number of digits, spaces and an optional +.")
      .transform((value) => value || null),
    isDefault: z.boolean(),
  })
  .superRefine((address, context) => {
    if (!isValidPostalCode(address.country, address.postalCode)) {
      context.addIssue({ code: "custom", path: ["postalCode"], message: "This postal code does not look right for the chosen country." });
    }
  });

export type AddressInput = z.infer<typeof addressSchema>;

/** The fields of an address form, in the order people fill them in (the form, the actions and the UI share it). */
export const addressFieldNames = ["recipientName", "line1", "line2", "city", "region", "postalCode", "country", "phone"] as const;
export type AddressFieldName = (typeof addressFieldNames)[number];
