"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { deleteShippingZone, saveShippingZone } from "@/lib/dal/shipping/staff-shipping";
import { staffAction } from "../../pipeline/audiences";
import { idSchema, shippingSaveErrors, zoneFormFields, zoneFormSchema, zoneIdSchema } from "./shipping-form-schemas";

/** Creates ("new") or saves a shipping zone; its id is bound by the page. */
export const saveShippingZoneAction = staffAction(
  {
    permission: "shipping:manage",
    returnTo: "/admin/shipping",
    bound: zoneIdSchema,
    input: { fields: zoneFormFields, schema: zoneFormSchema },
    errors: shippingSaveErrors,
  },
  async ({ viewer, bound, input, values, fail }) => {
    const result = await saveShippingZone(viewer, bound === "new" ? null : bound, input, await auditContext());
    if (!result.ok) {
      if (result.code === "country_taken" && result.countries) {
        return { status: "error", fieldErrors: { countries: [`Already in another zone: ${result.countries.join(", ")}. Remove them there first.`] }, values };
      }
      return fail(result.code);
    }
    revalidatePath("/admin/shipping");
    return { status: "success", message: "The zone was saved.", values: bound === "new" ? undefined : values };
  },
);

/** Deletes a zone with its rates (orders placed keep their amounts). */
export const deleteShippingZoneAction = staffAction(
  {
    permission: "shipping:manage",
    returnTo: "/admin/shipping",
    bound: idSchema,
    input: { fields: [], schema: z.object({}) },
    errors: shippingSaveErrors,
  },
  async ({ viewer, bound, fail }) => {
    const result = await deleteShippingZone(viewer, bound, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/shipping");
    return { status: "success", message: "The zone was deleted." };
  },
);
