"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { updateProduct } from "@/lib/dal/catalog/staff-product-save";
import { staffAction } from "../../pipeline/audiences";
import { productSaveErrors } from "./product-save-errors";
import { productFormInput, productIdSchema } from "./product-schema";

/**
 * Saves the product form. The product id is bound by the page
 * (`updateProductAction.bind(null, id)`), never read from the form's fields.
 */
export const updateProductAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/products/${id}` : "/admin/products"),
    bound: productIdSchema,
    input: productFormInput,
    errors: productSaveErrors,
  },
  async ({ viewer, bound: id, input, values, fail }) => {
    const result = await updateProduct(viewer, id, input, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/products");
    revalidatePath(`/admin/products/${id}`);
    return { status: "success", message: "The product was saved.", values };
  },
);
