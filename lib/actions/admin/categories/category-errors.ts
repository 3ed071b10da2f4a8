import "server-only";
import type { CategoryErrorCode } from "@/lib/dal/catalog/staff-categories";
import type { ErrorCopy } from "../../pipeline/error-copy";

/** A refused category change as the form shows it. */
export const categoryErrors: Record<CategoryErrorCode, ErrorCopy> = {
  slug_taken: { field: "slug", message: "Another category already has this slug." },
  not_found: "This category no longer exists.",
  has_products: "Hide or move this category's published products first: they would lose their category page.",
  archived: "Restore the category before moving it.",
};
