"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { deleteProductImage } from "@/lib/dal/catalog/staff-product-image-edits";
import { staffAction } from "../../pipeline/audiences";
import { imageIdSchema, productImageErrors } from "./product-image-schema";
import { productIdSchema } from "./product-schema";

/** Deletes a gallery image and its widths; the next image becomes the cover, or the placeholder when none is left. */
export const deleteProductImageAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/products/${id}` : "/admin/products"),
    bound: productIdSchema,
    input: { fields: ["imageId"], schema: z.object({ imageId: imageIdSchema }) },
    invalid: () => ({ status: "error", message: "Choose an image from the list." }),
    errors: productImageErrors,
  },
  async ({ viewer, bound: id, input, fail }) => {
    const result = await deleteProductImage(viewer, { productId: id, imageId: input.imageId }, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/products");
    revalidatePath(`/admin/products/${id}`);
    return { status: "success", message: "The image is deleted." };
  },
);
