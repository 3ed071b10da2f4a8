"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { uploadProductImage } from "@/lib/dal/catalog/staff-product-images";
import { MAX_IMAGE_UPLOAD_BYTES } from "@/lib/images/image-limits";
import { imageUploadMessages } from "@/lib/images/reencode-product-image";
import { staffAction } from "../../pipeline/audiences";
import { productIdSchema } from "./product-schema";

// Checked before reading the bytes into memory. The file's name and claimed type are ignored.
const imageFile = z
  .instanceof(File, { message: imageUploadMessages.empty })
  .refine((file) => file.size > 0, imageUploadMessages.empty)
  .refine((file) => file.size <= MAX_IMAGE_UPLOAD_BYTES, imageUploadMessages.too_large);

/**
 * Replaces a product's image. The file's name and the type the browser
 * claims are ignored: the DAL judges the bytes and re-encodes them.
 */
export const uploadProductImageAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/products/${id}` : "/admin/products"),
    bound: productIdSchema,
    input: { fields: [], extra: (formData) => ({ image: formData.get("image") }), schema: z.object({ image: imageFile }) },
    invalid: (fieldErrors) => ({ status: "error", fieldErrors: { image: fieldErrors.image?.slice(0, 1) } }),
    errors: {
      not_found: "This product no longer exists.",
      ...Object.fromEntries(Object.entries(imageUploadMessages).map(([code, message]) => [code, { field: "image", message }])),
    },
  },
  async ({ viewer, bound: id, input, fail }) => {
    const result = await uploadProductImage(viewer, id, new Uint8Array(await input.image.arrayBuffer()), await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath(`/admin/products/${id}`);
    return { status: "success", message: "The new image is saved." };
  },
);
