"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { setVariantArchived } from "@/lib/dal/catalog/staff-variants";
import { staffAction } from "../../pipeline/audiences";
import { variantErrors } from "./product-save-errors";
import { productIdSchema } from "./product-schema";
import { variantIdSchema } from "./variant-schema";

/** Archives a variant (no longer sold, kept for orders) or restores it, as the button pressed says. */
export const setVariantArchivedAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/products/${id}` : "/admin/products"),
    bound: productIdSchema,
    input: { fields: ["variantId", "intent"], schema: z.object({ variantId: variantIdSchema, intent: z.enum(["archive", "restore"]) }) },
    invalid: () => ({ status: "error", message: "Choose archive or restore." }),
    errors: variantErrors,
  },
  async ({ viewer, bound: productId, input, fail }) => {
    const archive = input.intent === "archive";
    const result = await setVariantArchived(viewer, productId, input.variantId, archive, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath(`/admin/products/${productId}`);
    revalidatePath("/admin/products");
    return { status: "success", message: archive ? "The variant is archived: shoppers can no longer buy it." : "The variant is on sale again." };
  },
);
