"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { setProductPublished } from "@/lib/dal/catalog/staff-product-publish";
import type { ActionState } from "../../action-state";
import { productIdSchema } from "./product-schema";

const intentSchema = z.enum(["publish", "unpublish"]);

/** Publishes or unpublishes a product, as the button pressed says (its id is bound by the page). */
export async function setProductPublishedAction(productId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const id = productIdSchema.safeParse(productId);
  const viewer = await requireStaffPermission("products:write", { returnTo: id.success ? `/admin/products/${id.data}` : "/admin/products" });
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!id.success) notFound();
  if (!intent.success) return { status: "error", message: "Choose publish or unpublish." };
  const publish = intent.data === "publish";
  const result = await setProductPublished(viewer, id.data, publish, await auditContext());
  if (!result.ok) return { status: "error", message: "This product no longer exists." };
  revalidatePath("/admin/products");
  revalidatePath(`/admin/products/${id.data}`);
  return {
    status: "success",
    message: publish ? "The product is published: shoppers can see it." : "The product is unpublished: shoppers no longer see it.",
  };
}
