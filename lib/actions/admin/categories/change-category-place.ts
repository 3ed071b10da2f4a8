"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { moveCategory, setCategoryArchived } from "@/lib/dal/catalog/staff-categories";
import { staffAction } from "../../pipeline/audiences";
import { categoryErrors } from "./category-errors";
import { categoryIdSchema } from "./category-schema";

/** Moves a category one place up or down the navigation (its id is bound by the list). */
export const moveCategoryAction = staffAction(
  {
    permission: "products:write",
    returnTo: "/admin/categories",
    bound: categoryIdSchema,
    input: { fields: ["direction"], schema: z.object({ direction: z.enum(["up", "down"]) }) },
    invalid: () => ({ status: "error", message: "Choose up or down." }),
    errors: categoryErrors,
  },
  async ({ viewer, bound: id, input, fail }) => {
    const result = await moveCategory(viewer, id, input.direction, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/categories");
    return { status: "success", message: "Order saved." };
  },
);

/** Archives a category or restores it, as the button pressed says (its id is bound by the page). */
export const setCategoryArchivedAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/categories/${id}` : "/admin/categories"),
    bound: categoryIdSchema,
    input: { fields: ["intent"], schema: z.object({ intent: z.enum(["archive", "restore"]) }) },
    invalid: () => ({ status: "error", message: "Choose archive or restore." }),
    errors: categoryErrors,
  },
  async ({ viewer, bound: id, input, fail }) => {
    const archive = input.intent === "archive";
    const result = await setCategoryArchived(viewer, id, archive, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/categories");
    revalidatePath(`/admin/categories/${id}`);
    return { status: "success", message: archive ? "Archived: the category is gone from the shop." : "Restored at the end of the navigation." };
  },
);
