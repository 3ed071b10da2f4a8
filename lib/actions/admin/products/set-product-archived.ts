"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { setProductArchived } from "@/lib/dal/catalog/staff-product-archive";
import { staffAction } from "../../pipeline/audiences";
import { productIdSchema } from "./product-schema";

/** Archives a product (hidden, kept for orders) or restores it as a draft, as the button pressed says (its id is bound by the page). */
export const setProductArchivedAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/products/${id}` : "/admin/products"),
    bound: productIdSchema,
    input: { fields: ["intent"], schema: z.object({ intent: z.enum(["archive", "restore"]) }) },
    invalid: () => ({ status: "error", message: "Choose archive or restore." }),
    errors: { not_found: "This product no longer exists." },
  },
  async ({ viewer, bound: id, input, fail }) => {
    const archive = input.intent === "archive";
    const result = await setProductArchived(viewer, id, archive, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/products");
    revalidatePath(`/admin/products/${id}`);
    return {
      status: "success",
      message: archive ? "The product is archived: hidden from the shop, kept for its orders." : "The product is restored as an unpublished draft.",
    };
  },
);
