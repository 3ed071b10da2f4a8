"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { setProductOptions } from "@/lib/dal/catalog/staff-variants";
import { staffAction } from "../../pipeline/audiences";
import { variantErrors } from "./product-save-errors";
import { productIdSchema } from "./product-schema";
import { optionsFormInput } from "./variant-schema";

/** Saves a product's options (up to three names, each with its values). */
export const setProductOptionsAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/products/${id}` : "/admin/products"),
    bound: productIdSchema,
    input: optionsFormInput,
    errors: variantErrors,
  },
  async ({ viewer, bound: productId, input, values, fail }) => {
    const result = await setProductOptions(viewer, productId, input, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath(`/admin/products/${productId}`);
    return { status: "success", message: "The options were saved.", values };
  },
);
