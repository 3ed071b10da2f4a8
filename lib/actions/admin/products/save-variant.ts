"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { saveVariant } from "@/lib/dal/catalog/staff-variants";
import { staffAction } from "../../pipeline/audiences";
import { variantErrors } from "./product-save-errors";
import { productIdSchema } from "./product-schema";
import { variantFormInput, variantIdSchema } from "./variant-schema";

/**
 * Adds a variant to a product, or saves one (the form's `variantId`; the
 * product id is bound by the page, and the DAL refuses a variant of another product).
 */
export const saveVariantAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/products/${id}` : "/admin/products"),
    bound: productIdSchema,
    input: variantFormInput,
    errors: variantErrors,
  },
  async ({ viewer, bound: productId, input, formData, values, fail }) => {
    const rawVariantId = formData.get("variantId");
    const variantId = typeof rawVariantId === "string" && rawVariantId !== "" ? variantIdSchema.safeParse(rawVariantId) : null;
    if (variantId && !variantId.success) return fail("not_found");
    const result = await saveVariant(viewer, productId, variantId ? variantId.data : null, input, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath(`/admin/products/${productId}`);
    revalidatePath("/admin/products");
    return variantId ? { status: "success", message: "The variant was saved.", values } : { status: "success", message: "The variant was added. Add stock to sell it." };
  },
);
