import "server-only";
import type { ProductSaveErrorCode } from "@/lib/dal/catalog/staff-product-save";
import type { ErrorCopy } from "../../pipeline/error-copy";

/** A refused save as the form shows it: on the field at fault (what was typed is kept). */
export const productSaveErrors: Record<ProductSaveErrorCode, ErrorCopy> = {
  slug_taken: { field: "slug", message: "Another product already uses this slug." },
  unknown_category: { field: "categoryId", message: "Choose a category from the list." },
  not_found: "This product no longer exists.",
};
