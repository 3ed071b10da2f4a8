"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { updateDiscountCode } from "@/lib/dal/discounts/staff-discount-save";
import { staffAction } from "../../pipeline/audiences";
import { discountFormInput, discountIdSchema } from "./discount-schema";
import { discountSaveErrors } from "./discount-save-errors";

/** Saves the discount form; the code's id is bound by the page, never read from the form. */
export const updateDiscountCodeAction = staffAction(
  {
    permission: "discounts:manage",
    returnTo: (id) => (id ? `/admin/discounts/${id}` : "/admin/discounts"),
    bound: discountIdSchema,
    input: discountFormInput,
    errors: discountSaveErrors,
  },
  async ({ viewer, bound: id, input, values, fail }) => {
    const result = await updateDiscountCode(viewer, id, input, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/discounts");
    revalidatePath(`/admin/discounts/${id}`);
    return { status: "success", message: "The discount code was saved.", values };
  },
);
