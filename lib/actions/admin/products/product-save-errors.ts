import "server-only";
import type { ProductSaveErrorCode } from "@/lib/dal/catalog/staff-product-save";
import type { VariantErrorCode } from "@/lib/dal/catalog/staff-variants";
import type { ErrorCopy } from "../../pipeline/error-copy";

/** A refused save as the form shows it: on the field at fault (what was typed is kept). */
export const productSaveErrors: Record<ProductSaveErrorCode, ErrorCopy> = {
  slug_taken: { field: "slug", message: "Another product already uses this slug." },
  unknown_category: { field: "categoryId", message: "Choose a category from the list." },
  sku_taken: { field: "sku", message: "Another variant already uses this SKU." },
  compare_at_not_above: { field: "compareAtPrice", message: "Enter a compare-at price above the price, or leave it empty." },
  not_found: "This product no longer exists.",
};

/** A refused variant or options change, on the field at fault where there is one. */
export const variantErrors: Record<VariantErrorCode, ErrorCopy> = {
  not_found: "This product or variant no longer exists.",
  sku_taken: { field: "sku", message: "Another variant already uses this SKU." },
  option_mismatch: "Choose one of the product's values for each of its options.",
  duplicate_combination: "Another variant already has these option values.",
  compare_at_not_above: { field: "compareAtPrice", message: "Enter a compare-at price above the price, or leave it empty." },
  last_live_variant: "A published product needs at least one variant on sale: add or restore another first, or unpublish the product.",
  options_do_not_fit: "These options do not fit the variants on sale: each needs one of the values of every option, and no two the same. Edit or archive variants first.",
};
