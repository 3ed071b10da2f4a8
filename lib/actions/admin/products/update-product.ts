"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { updateProduct } from "@/lib/dal/catalog/staff-product-save";
import type { ActionState } from "../../action-state";
import { refusedSave } from "./product-save-errors";
import { parseProductForm, productIdSchema } from "./product-schema";

/**
 * Saves the product form. The product id is bound by the page
 * (`updateProductAction.bind(null, id)`), never read from the form's fields.
 */
export async function updateProductAction(productId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const id = productIdSchema.safeParse(productId);
  const viewer = await requireStaffPermission("products:write", { returnTo: id.success ? `/admin/products/${id.data}` : "/admin/products" });
  if (!id.success) notFound();
  const form = parseProductForm(formData);
  if (!form.ok) return { status: "error", fieldErrors: form.fieldErrors, values: form.values };
  const result = await updateProduct(viewer, id.data, form.fields, await auditContext());
  if (!result.ok) return refusedSave(result.code, form.values);
  revalidatePath("/admin/products");
  revalidatePath(`/admin/products/${id.data}`);
  return { status: "success", message: "The product was saved.", values: form.values };
}
