"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { auditContext } from "@/lib/auth/audit-context";
import { createProduct } from "@/lib/dal/catalog/staff-product-save";
import { staffAction } from "../../pipeline/audiences";
import { productSaveErrors } from "./product-save-errors";
import { newProductFormInput } from "./product-schema";

/** Creates a product (unpublished, no stock) and its first variant from the new-product form, then opens its page. */
export const createProductAction = staffAction(
  { permission: "products:write", returnTo: "/admin/products/new", input: newProductFormInput, errors: productSaveErrors },
  async ({ viewer, input, fail }) => {
    const result = await createProduct(viewer, input.product, input.firstVariant, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/products");
    redirect(`/admin/products/${result.id}?notice=created`);
  },
);
