import "server-only";
import { z } from "zod";
import type { CatalogRow } from "@/lib/dal/catalog/csv/catalog-row";
import { MAX_STOCK } from "@/lib/dal/catalog/inventory";
import { optionalSingleLine } from "../../text-fields";
import { priceInputSchema } from "../price-input";
import { productSchema } from "../product-schema";
import { firstVariantShape, skuField } from "../variant-schema";

/** An option's name fits ProductOption.name (VarChar 40); a value is a short label ("Large", "Forest green"). */
export const OPTION_VALUE_MAX_LENGTH = 60;

// The product and variant forms' own rules, so a product imported is one the forms would accept.
const product = productSchema.in.shape;

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((text) => ["", "true", "false", "yes", "no", "1", "0"].includes(text), "Use true or false.")
  .transform((text) => text === "true" || text === "yes" || text === "1");

const stock = z
  .string()
  .trim()
  .refine((text) => !text.startsWith("-"), { message: "Stock cannot be negative.", abort: true })
  .refine((text) => /^\d{1,7}$/.test(text), { message: "Enter the stock as a whole number, e.g. 12.", abort: true })
  .transform(Number)
  .refine((value) => value <= MAX_STOCK, `The most stock a variant may hold is ${MAX_STOCK.toLocaleString("en")}.`);

/** Empty: no earlier price; otherwise read as the price is. */
const optionalPrice = z
  .string()
  .trim()
  .transform((text, context) => {
    if (text === "") return null;
    const parsed = priceInputSchema.safeParse(text);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });

const optionName = optionalSingleLine(40);
const optionValue = optionalSingleLine(OPTION_VALUE_MAX_LENGTH);

/** One data row of the catalog file, by column name (every cell a string, "" when the column is absent). */
export const catalogRowSchema = z
  .object({
    product_slug: product.slug,
    product_name: product.name,
    description: product.description,
    category_slug: z.string().trim().min(1, "Enter the slug of the product's category.").max(120, "Use at most 120 characters."),
    published: flag,
    featured: flag,
    meta_title: product.metaTitle,
    meta_description: product.metaDescription,
    option1_name: optionName,
    option1_value: optionValue,
    option2_name: optionName,
    option2_value: optionValue,
    option3_name: optionName,
    option3_value: optionValue,
    sku: skuField,
    price: priceInputSchema,
    compare_at_price: optionalPrice,
    stock,
    weight_grams: firstVariantShape.weightGrams,
    max_per_order: firstVariantShape.maxPerOrder,
  })
  .superRefine((row, context) => {
    const refuse = (column: string, message: string) => context.addIssue({ code: "custom", path: [column], message });
    const names: string[] = [];
    for (const n of [1, 2, 3] as const) {
      const name = row[`option${n}_name`];
      const value = row[`option${n}_value`];
      if (name !== null && value === null) refuse(`option${n}_value`, `Give this variant's value of the option "${name}".`);
      if (name === null && value !== null) refuse(`option${n}_name`, `Name the option the value "${value}" belongs to.`);
      if (name === null) continue;
      if (names.length !== n - 1) refuse(`option${n}_name`, `Fill option${n - 1} before option${n}: options are numbered from 1 without gaps.`);
      else if (names.includes(name)) refuse(`option${n}_name`, `The option "${name}" is named twice: each option has its own name.`);
      names.push(name);
    }
    if (row.compare_at_price !== null && row.compare_at_price <= row.price) refuse("compare_at_price", "The earlier price must be higher than the price.");
  })
  .transform(
    (row): CatalogRow => ({
      productSlug: row.product_slug,
      productName: row.product_name,
      description: row.description,
      categorySlug: row.category_slug,
      published: row.published,
      featured: row.featured,
      metaTitle: row.meta_title,
      metaDescription: row.meta_description,
      options: ([1, 2, 3] as const).flatMap((n) => {
        const name = row[`option${n}_name`];
        const value = row[`option${n}_value`];
        return name !== null && value !== null ? [{ name, value }] : [];
      }),
      sku: row.sku,
      priceMinor: row.price,
      compareAtPriceMinor: row.compare_at_price,
      stock: row.stock,
      weightGrams: row.weight_grams,
      maxPerOrder: row.max_per_order,
    }),
  );
