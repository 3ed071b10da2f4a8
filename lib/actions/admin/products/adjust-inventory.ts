"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { adjustInventory, MAX_STOCK } from "@/lib/dal/catalog/inventory";
import { type ActionState, fieldErrorsOf, textFields } from "../../action-state";
import { inventoryAdjustmentSchema } from "./inventory-schema";
import { productIdSchema } from "./product-schema";

/** Adds or removes units of a product's stock, with a reason (the product id is bound by the page). */
export async function adjustInventoryAction(productId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const id = productIdSchema.safeParse(productId);
  const viewer = await requireStaffPermission("inventory:write", { returnTo: id.success ? `/admin/products/${id.data}` : "/admin/products" });
  if (!id.success) notFound();
  const raw = textFields(formData, ["delta", "reason"]);
  const values = { delta: raw.delta.slice(0, 20), reason: raw.reason.slice(0, 300) };
  const parsed = inventoryAdjustmentSchema.safeParse(raw);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await adjustInventory(viewer, id.data, parsed.data, await auditContext());
  if (!result.ok) {
    const message =
      result.code === "below_zero"
        ? `Only ${result.stock} in stock: stock cannot go below 0. Nothing was changed.`
        : result.code === "above_maximum"
          ? `Stock cannot exceed ${MAX_STOCK.toLocaleString("en-US")} units. Nothing was changed.`
          : "This product no longer exists.";
    return { status: "error", message, values };
  }
  revalidatePath(`/admin/products/${id.data}`);
  revalidatePath("/admin/products");
  return { status: "success", message: `Stock is now ${result.stock}.` };
}
