"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { createProduct } from "@/lib/dal/catalog/staff-product-save";
import type { ActionState } from "../../action-state";
import { refusedSave } from "./product-save-errors";
import { parseProductForm } from "./product-schema";

/** Creates a product (unpublished, no stock) from the product form, then opens its page. */
export async function createProductAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireStaffPermission("products:write", { returnTo: "/admin/products/new" });
  const form = parseProductForm(formData);
  if (!form.ok) return { status: "error", fieldErrors: form.fieldErrors, values: form.values };
  const result = await createProduct(viewer, form.fields, await auditContext());
  if (!result.ok) return refusedSave(result.code, form.values);
  revalidatePath("/admin/products");
  redirect(`/admin/products/${result.id}?notice=created`);
}
