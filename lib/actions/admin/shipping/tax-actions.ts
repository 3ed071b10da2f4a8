"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { deleteTaxRate, saveTaxRate, setPricesIncludeTax } from "@/lib/dal/shipping/staff-tax";
import { staffAction } from "../../pipeline/audiences";
import { idSchema, shippingSaveErrors, taxFormFields, taxFormSchema, taxIdSchema } from "./shipping-form-schemas";

/** Creates ("new") or saves a tax rate; its id is bound by the page. */
export const saveTaxRateAction = staffAction(
  {
    permission: "shipping:manage",
    returnTo: "/admin/shipping",
    bound: taxIdSchema,
    input: { fields: taxFormFields, schema: taxFormSchema },
    errors: shippingSaveErrors,
  },
  async ({ viewer, bound, input, values, fail }) => {
    const result = await saveTaxRate(viewer, bound === "new" ? null : bound, input, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/shipping");
    return { status: "success", message: "The tax rate was saved.", values: bound === "new" ? undefined : values };
  },
);

/** Deletes a tax rate. */
export const deleteTaxRateAction = staffAction(
  {
    permission: "shipping:manage",
    returnTo: "/admin/shipping",
    bound: idSchema,
    input: { fields: [], schema: z.object({}) },
    errors: shippingSaveErrors,
  },
  async ({ viewer, bound, fail }) => {
    const result = await deleteTaxRate(viewer, bound, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/shipping");
    return { status: "success", message: "The tax rate was deleted." };
  },
);

/** Whether prices (and shipping rates) include tax. */
export const setPricesIncludeTaxAction = staffAction(
  {
    permission: "shipping:manage",
    returnTo: "/admin/shipping",
    input: { fields: ["pricesIncludeTax"], schema: z.object({ pricesIncludeTax: z.enum(["yes", "no"], { error: "Choose whether prices include tax." }) }) },
  },
  async ({ viewer, input }) => {
    await setPricesIncludeTax(viewer, input.pricesIncludeTax === "yes", await auditContext());
    revalidatePath("/admin/shipping");
    return { status: "success", message: input.pricesIncludeTax === "yes" ? "Prices now include tax." : "Tax is now added to prices at checkout." };
  },
);
