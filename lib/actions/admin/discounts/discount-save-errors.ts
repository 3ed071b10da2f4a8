import "server-only";
import type { DiscountSaveErrorCode } from "@/lib/dal/discounts/staff-discount-save";
import type { ErrorCopy } from "../../pipeline/error-copy";

/** A refused save as the form shows it, on the field at fault. */
export const discountSaveErrors: Record<DiscountSaveErrorCode, ErrorCopy> = {
  code_taken: { field: "discountCode", message: "Another discount code is already called this (codes ignore case)." },
  unknown_category: { field: "categoryIds", message: "Choose categories from the list." },
  invalid: "Check the amounts, limits and dates.",
  not_found: "This discount code no longer exists.",
};
