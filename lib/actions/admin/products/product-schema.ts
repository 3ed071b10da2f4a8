import "server-only";
import { z } from "zod";
import type { ProductFields } from "@/lib/dal/catalog/staff-product-save";
import { parseForm } from "../../pipeline/form-input";
import { optionalSingleLine, SINGLE_LINE } from "../text-fields";
import { type FirstVariantInput, firstVariantShape, firstVariantTextFields } from "./variant-schema";

/** The text inputs of the product form; nothing else is read from it. */
export const productTextFields = ["name", "slug", "description", "categoryId", "metaTitle", "metaDescription"] as const;

const productShape = {
    name: z.string().trim().min(1, { message: "Enter a name.", abort: true }).max(120, "Use at most 120 characters.").regex(SINGLE_LINE, "Use one line of text."),
    slug: z
      .string()
      .trim()
      .min(1, { message: "Enter a slug for the product's web address.", abort: true })
      .max(120, "Use at most 120 characters.")
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters and digits, with single hyphens between words (e.g. desk-lamp)."),
    description: z.string().trim().min(1, "Enter a description.").max(4000, "Use at most 4,000 characters."),
    categoryId: z.string().min(1, "Choose a category.").max(40, "Choose a category from the list."),
    featured: z.boolean(),
    // Search engines show about 60 and 155 characters.
    metaTitle: optionalSingleLine(70),
    metaDescription: optionalSingleLine(160),
};

export const productSchema = z.object(productShape).transform((fields): ProductFields => fields);

export type ProductInput = z.input<typeof productSchema>;

/** A new product: its own fields and its first variant's (SKU, price, weight, limit). */
export const newProductSchema = z
  .object({ ...productShape, ...firstVariantShape })
  .transform(({ sku, price, compareAtPrice, weightGrams, maxPerOrder, ...product }): { product: ProductFields; firstVariant: FirstVariantInput } => ({
    product,
    firstVariant: { sku, priceMinor: price, compareAtPriceMinor: compareAtPrice, weightGrams, maxPerOrder },
  }));

export type ProductFormResult =
  | { ok: true; fields: ProductFields; values: Record<string, string> }
  | { ok: false; fieldErrors: Record<string, string[] | undefined>; values: Record<string, string> };

/**
 * How the product form is read: only the fields listed above, by name.
 * Whatever else a request carries (stock, currency, published, id,
 * createdAt…) is never looked at, so it cannot be mass-assigned. What was
 * typed is echoed so the form keeps it on error.
 */
export const productFormInput = {
  fields: productTextFields,
  extra: (formData: FormData) => ({ featured: formData.get("featured") === "on" }),
  schema: productSchema,
  echo: (raw: Record<string, string>, formData: FormData) => ({
    ...Object.fromEntries(productTextFields.map((name) => [name, (raw[name] ?? "").slice(0, 4000)])),
    featured: formData.get("featured") === "on" ? "on" : "",
  }),
};

/** The new-product form: the product form's fields and the first variant's. */
export const newProductFormInput = {
  ...productFormInput,
  fields: [...productTextFields, ...firstVariantTextFields],
  schema: newProductSchema,
  echo: (raw: Record<string, string>, formData: FormData) => ({
    ...productFormInput.echo(raw, formData),
    ...Object.fromEntries(firstVariantTextFields.map((name) => [name, (raw[name] ?? "").slice(0, 100)])),
  }),
};

/** Reads the product form as the update action does. */
export function parseProductForm(formData: FormData): ProductFormResult {
  const parsed = parseForm(productFormInput, formData);
  return parsed.ok ? { ok: true, fields: parsed.data, values: parsed.values } : { ok: false, fieldErrors: parsed.fieldErrors, values: parsed.values };
}

/** A product id bound to an action: client-controlled like any argument, so checked. */
export const productIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
