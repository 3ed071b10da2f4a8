"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { moveProductImage } from "@/lib/dal/catalog/staff-product-image-edits";
import { staffAction } from "../../pipeline/audiences";
import { imageIdSchema, productImageErrors } from "./product-image-schema";
import { productIdSchema } from "./product-schema";

/** Moves a gallery image one place earlier or later, as the button pressed says; the first image is the cover. */
export const moveProductImageAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/products/${id}` : "/admin/products"),
    bound: productIdSchema,
    input: { fields: ["imageId", "direction"], schema: z.object({ imageId: imageIdSchema, direction: z.enum(["up", "down"]) }) },
    invalid: () => ({ status: "error", message: "Choose an image and whether to move it earlier or later." }),
    errors: productImageErrors,
  },
  async ({ viewer, bound: id, input, fail }) => {
    const result = await moveProductImage(viewer, { productId: id, imageId: input.imageId }, input.direction, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/products");
    revalidatePath(`/admin/products/${id}`);
    return { status: "success", message: input.direction === "up" ? "The image moved earlier." : "The image moved later." };
  },
);
