import "server-only";
import type { ProductSaveErrorCode } from "@/lib/dal/catalog/staff-product-save";
import type { ActionState } from "../../action-state";

/** A refused save as the form shows it: on the field at fault, with what was typed kept. */
export function refusedSave(code: ProductSaveErrorCode, values: Record<string, string>): ActionState {
  switch (code) {
    case "slug_taken":
      return { status: "error", fieldErrors: { slug: ["Another product already uses this slug."] }, values };
    case "unknown_category":
      return { status: "error", fieldErrors: { categoryId: ["Choose a category from the list."] }, values };
    case "not_found":
      return { status: "error", message: "This product no longer exists.", values };
  }
}
