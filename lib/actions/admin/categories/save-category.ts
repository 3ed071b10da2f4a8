"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { auditContext } from "@/lib/auth/audit-context";
import { saveCategory } from "@/lib/dal/catalog/staff-categories";
import { staffAction } from "../../pipeline/audiences";
import { categoryErrors } from "./category-errors";
import { categoryFormInput, categoryIdSchema } from "./category-schema";

/** Creates a category at the end of the shop's order, then opens its page. */
export const createCategoryAction = staffAction(
  { permission: "products:write", returnTo: "/admin/categories/new", input: categoryFormInput, errors: categoryErrors },
  async ({ viewer, input, fail }) => {
    const result = await saveCategory(viewer, null, input, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/categories");
    redirect(`/admin/categories/${result.id}?notice=created`);
  },
);

/** Saves a category's name, slug, description and search-engine texts (its id is bound by the page). */
export const updateCategoryAction = staffAction(
  {
    permission: "products:write",
    returnTo: (id) => (id ? `/admin/categories/${id}` : "/admin/categories"),
    bound: categoryIdSchema,
    input: categoryFormInput,
    errors: categoryErrors,
  },
  async ({ viewer, bound: id, input, fail }) => {
    const result = await saveCategory(viewer, id, input, await auditContext());
    if (!result.ok) return fail(result.code);
    revalidatePath("/admin/categories");
    return { status: "success", message: "Category saved." };
  },
);
