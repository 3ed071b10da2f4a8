"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { auditContext } from "@/lib/auth/audit-context";
import { createDiscountCode } from "@/lib/dal/discounts/staff-discount-save";
import { staffAction } from "../../pipeline/audiences";
import { discountFormInput } from "./discount-schema";
import { discountSaveErrors } from "./discount-save-errors";

/** Creates a discount code (active at once, within its dates) from the discount form, then opens its page. */
export const createDiscountCodeAction = staffAction(
  { permission: "discounts:manage", returnTo: "/admin/discounts/new", input: discountFormInput, errors: discountSaveErrors },
  async ({ viewer, input, fail }) => {
    const result = await createDiscountCode(viewer, input, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/discounts");
    redirect(`/admin/discounts/${result.id}?notice=created`);
  },
);
