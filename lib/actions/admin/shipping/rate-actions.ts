"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { deleteShippingRate, saveShippingRate } from "@/lib/dal/shipping/staff-shipping";
import { staffAction } from "../../pipeline/audiences";
import { idSchema, rateFormFields, rateFormSchema, rateRefSchema, shippingSaveErrors } from "./shipping-form-schemas";

/** Creates or saves a rate of a zone; "zoneId:rateId" (or "zoneId:new") is bound by the page. */
export const saveShippingRateAction = staffAction(
  {
    permission: "shipping:manage",
    returnTo: "/admin/shipping",
    bound: rateRefSchema,
    input: { fields: rateFormFields, schema: rateFormSchema },
    errors: shippingSaveErrors,
  },
  async ({ viewer, bound, input, values, fail }) => {
    const [zoneId = "", rateId = "new"] = bound.split(":");
    const result = await saveShippingRate(viewer, zoneId, rateId === "new" ? null : rateId, input, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/shipping");
    return { status: "success", message: "The rate was saved.", values: rateId === "new" ? undefined : values };
  },
);

/** Deletes a rate (orders placed with it keep its name and amount). */
export const deleteShippingRateAction = staffAction(
  {
    permission: "shipping:manage",
    returnTo: "/admin/shipping",
    bound: idSchema,
    input: { fields: [], schema: z.object({}) },
    errors: shippingSaveErrors,
  },
  async ({ viewer, bound, fail }) => {
    const result = await deleteShippingRate(viewer, bound, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/shipping");
    return { status: "success", message: "The rate was deleted." };
  },
);
