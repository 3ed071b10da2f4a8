import "server-only";
import { z } from "zod";
import type { FirstVariantFields } from "@/lib/dal/catalog/staff-product-save";
import type { VariantFields } from "@/lib/dal/catalog/staff-variants";
import { moneyInputSchema } from "@/lib/catalog/money-input";
import { MAX_PRICE_MINOR, priceInputSchema } from "./price-input";
import { SINGLE_LINE } from "../text-fields";

/** A stock-keeping unit: letters, digits and - _ . / (what labels and spreadsheets keep intact). */
export const skuField = z
  .string()
  .trim()
  .min(1, { message: "Enter a SKU.", abort: true })
  .max(64, "Use at most 64 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "Use letters, digits and - _ . / only, starting with a letter or digit.");

const wholeNumber = (pattern: RegExp, message: string, max: number, maxMessage: string, min = 0) =>
  z
    .string()
    .trim()
    .regex(pattern, message)
    .transform(Number)
    .refine((value) => value >= min, message)
    .refine((value) => value <= max, maxMessage);

/** The fields of a variant every form of one has (new product, add variant, edit variant). */
export const firstVariantShape = {
  sku: skuField,
  price: priceInputSchema,
  // Empty: no earlier price.
  compareAtPrice: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .pipe(moneyInputSchema("price", MAX_PRICE_MINOR).nullable()),
  maxPerOrder: wholeNumber(/^\d{1,3}$/, "Enter a whole number from 1 to 999.", 999, "Enter a whole number from 1 to 999.", 1),
  weightGrams: wholeNumber(/^\d{1,7}$/, "Enter the weight in whole grams (0 or more).", 1_000_000, "Enter at most 1,000,000 grams."),
};

export const firstVariantTextFields = ["sku", "price", "compareAtPrice", "maxPerOrder", "weightGrams"] as const;

export type FirstVariantInput = FirstVariantFields;

/** One option value as the variant form posts it (option1…option3; empty for an option the product does not have). */
const optionValue = z.string().trim().max(60, "Use at most 60 characters.").regex(SINGLE_LINE, "Use one line of text.");

export const variantTextFields = [...firstVariantTextFields, "option1", "option2", "option3"] as const;

export const variantSchema = z
  .object({ ...firstVariantShape, option1: optionValue, option2: optionValue, option3: optionValue })
  .transform(
    ({ sku, price, compareAtPrice, weightGrams, maxPerOrder, option1, option2, option3 }): VariantFields => ({
      sku,
      priceMinor: price,
      compareAtPriceMinor: compareAtPrice,
      weightGrams,
      maxPerOrder,
      optionValues: [option1, option2, option3].filter((value) => value !== ""),
    }),
  );

export const variantFormInput = {
  fields: variantTextFields,
  schema: variantSchema,
  echo: Object.fromEntries(variantTextFields.map((name) => [name, 100])) as Record<(typeof variantTextFields)[number], number>,
};

/** The options form: up to three names, each with its values separated by commas. */
const optionName = z.string().trim().max(40, "Use at most 40 characters.").regex(SINGLE_LINE, "Use one line of text.");
const optionValues = z
  .string()
  .trim()
  .max(600, "Use at most 600 characters.")
  .transform((text) => [...new Set(text.split(",").map((value) => value.trim()).filter(Boolean))])
  .refine((values) => values.every((value) => value.length <= 60), "Keep each value to 60 characters.")
  .refine((values) => values.length <= 50, "Use at most 50 values.");

export const optionsTextFields = ["name1", "values1", "name2", "values2", "name3", "values3"] as const;

export const optionsSchema = z
  .object({ name1: optionName, values1: optionValues, name2: optionName, values2: optionValues, name3: optionName, values3: optionValues })
  .superRefine((form, ctx) => {
    for (const n of [1, 2, 3] as const) {
      const name = form[`name${n}`];
      const values = form[`values${n}`];
      if (name && values.length === 0) ctx.addIssue({ code: "custom", path: [`values${n}`], message: "Enter at least one value, separated by commas." });
      if (!name && values.length > 0) ctx.addIssue({ code: "custom", path: [`name${n}`], message: "Enter the option's name, e.g. Size." });
    }
    const names = [form.name1, form.name2, form.name3].filter(Boolean).map((name) => name.toLowerCase());
    if (new Set(names).size !== names.length) ctx.addIssue({ code: "custom", path: ["name2"], message: "Give each option its own name." });
  })
  .transform((form) =>
    ([1, 2, 3] as const).flatMap((n) => (form[`name${n}`] ? [{ name: form[`name${n}`], values: form[`values${n}`] }] : [])),
  );

export const optionsFormInput = {
  fields: optionsTextFields,
  schema: optionsSchema,
  echo: Object.fromEntries(optionsTextFields.map((name) => [name, 600])) as Record<(typeof optionsTextFields)[number], number>,
};

/** A variant id bound to an action: client-controlled like any argument, so checked. */
export const variantIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
