"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { addProductImage } from "@/lib/dal/catalog/staff-product-images";
import { MAX_IMAGE_ALT_LENGTH } from "@/lib/images/gallery-limits";
import { imageAltSchema } from "@/lib/images/image-alt";
import { MAX_IMAGE_UPLOAD_BYTES } from "@/lib/images/image-limits";
import { imageUploadMessages } from "@/lib/images/reencode-product-image";
import { staffAction } from "../../pipeline/audiences";
import { productImageErrors } from "./product-image-schema";
import { productIdSchema } from "./product-schema";

// Checked before reading the bytes into memory. The file's name and claimed type are ignored.
const imageFile = z
  .instanceof(File, { message: imageUploadMessages.empty })
  .refine((file) => file.size > 0, imageUploadMessages.empty)
  .refine((file) => file.size <= MAX_IMAGE_UPLOAD_BYTES, imageUploadMessages.too_large);

/**
 * Adds an image, with its alt text, to the end of a product's gallery. The
 * file's name and the type the browser claims are ignored: the DAL judges the
 * bytes and re-encodes them. A refused upload keeps the alt text typed (a
 * browser never refills a file input).
 */
export const uploadProductImageAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/products/${id}` : "/admin/products"),
    bound: productIdSchema,
    input: {
      fields: ["alt"],
      extra: (formData) => ({ image: formData.get("image") }),
      schema: z.object({ alt: imageAltSchema, image: imageFile }),
      echo: { alt: MAX_IMAGE_ALT_LENGTH },
    },
    invalid: (fieldErrors, values) => ({
      status: "error",
      fieldErrors: { alt: fieldErrors.alt?.slice(0, 1), image: fieldErrors.image?.slice(0, 1) },
      values,
    }),
    errors: {
      ...productImageErrors,
      ...Object.fromEntries(Object.entries(imageUploadMessages).map(([code, message]) => [code, { field: "image", message }])),
    },
  },
  async ({ viewer, bound: id, input, fail }) => {
    const bytes = new Uint8Array(await input.image.arrayBuffer());
    const result = await addProductImage(viewer, id, { bytes, alt: input.alt }, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/products");
    revalidatePath(`/admin/products/${id}`);
    return { status: "success", message: "The image is added to the gallery." };
  },
);
