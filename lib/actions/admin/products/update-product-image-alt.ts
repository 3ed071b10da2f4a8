"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { updateProductImageAlt } from "@/lib/dal/catalog/staff-product-image-edits";
import { MAX_IMAGE_ALT_LENGTH } from "@/lib/images/gallery-limits";
import { imageAltSchema } from "@/lib/images/image-alt";
import { staffAction } from "../../pipeline/audiences";
import { imageIdSchema, productImageErrors } from "./product-image-schema";
import { productIdSchema } from "./product-schema";

/** Saves one gallery image's alt text (the product id is bound by the page; the image id must be that product's). */
export const updateProductImageAltAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/products/${id}` : "/admin/products"),
    bound: productIdSchema,
    input: { fields: ["imageId", "alt"], schema: z.object({ imageId: imageIdSchema, alt: imageAltSchema }), echo: { alt: MAX_IMAGE_ALT_LENGTH } },
    errors: productImageErrors,
  },
  async ({ viewer, bound: id, input, values, fail }) => {
    const result = await updateProductImageAlt(viewer, { productId: id, imageId: input.imageId }, input.alt, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath(`/admin/products/${id}`);
    return { status: "success", message: "The description is saved.", values };
  },
);
