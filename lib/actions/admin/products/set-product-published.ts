"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { setProductPublished } from "@/lib/dal/catalog/staff-product-publish";
import { staffAction } from "../../pipeline/audiences";
import { productIdSchema } from "./product-schema";

/** Publishes or unpublishes a product, as the button pressed says (its id is bound by the page). */
export const setProductPublishedAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/products/${id}` : "/admin/products"),
    bound: productIdSchema,
    input: { fields: ["intent"], schema: z.object({ intent: z.enum(["publish", "unpublish"]) }) },
    invalid: () => ({ status: "error", message: "Choose publish or unpublish." }),
    errors: {
      not_found: "This product no longer exists.",
      category_archived: "Its category is archived: choose another category, or restore it, first.",
      archived: "The product is archived: restore it first.",
      no_live_variant: "All its variants are archived: restore or add one first.",
    },
  },
  async ({ viewer, bound: id, input, fail }) => {
    const publish = input.intent === "publish";
    const result = await setProductPublished(viewer, id, publish, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/products");
    revalidatePath(`/admin/products/${id}`);
    return {
      status: "success",
      message: publish ? "The product is published: shoppers can see it." : "The product is unpublished: shoppers no longer see it.",
    };
  },
);
