"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { uploadProductImage } from "@/lib/dal/catalog/staff-product-images";
import { MAX_IMAGE_UPLOAD_BYTES } from "@/lib/images/image-limits";
import { imageUploadMessages } from "@/lib/images/reencode-product-image";
import type { ActionState } from "../../action-state";
import { productIdSchema } from "./product-schema";

const refused = (message: string): ActionState => ({ status: "error", fieldErrors: { image: [message] } });

/**
 * Replaces a product's image. The file's name and the type the browser
 * claims are ignored: the DAL judges the bytes and re-encodes them.
 */
export async function uploadProductImageAction(productId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const id = productIdSchema.safeParse(productId);
  const viewer = await requireStaffPermission("products:write", { returnTo: id.success ? `/admin/products/${id.data}` : "/admin/products" });
  if (!id.success) notFound();
  const file = formData.get("image");
  if (!(file instanceof File) || file.size === 0) return refused(imageUploadMessages.empty);
  // Checked before reading the bytes into memory.
  if (file.size > MAX_IMAGE_UPLOAD_BYTES) return refused(imageUploadMessages.too_large);
  const result = await uploadProductImage(viewer, id.data, new Uint8Array(await file.arrayBuffer()), await auditContext());
  if (!result.ok) return result.code === "not_found" ? { status: "error", message: "This product no longer exists." } : refused(imageUploadMessages[result.code]);
  revalidatePath(`/admin/products/${id.data}`);
  return { status: "success", message: "The new image is saved." };
}
