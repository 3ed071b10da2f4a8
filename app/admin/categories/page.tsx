import type { Metadata } from "next";
import Link from "next/link";
import { CategoryMoveForm } from "@/components/admin/categories/category-move-form";
import { moveCategoryAction } from "@/lib/actions/admin/categories/change-category-place";
import { can } from "@/lib/auth/permissions";
import { listStaffCategories } from "@/lib/dal/catalog/staff-categories";
import { requireStaffPermission } from "@/lib/guards/staff-guard";

export const metadata: Metadata = { title: "Categories" };

export default async function AdminCategoriesPage() {
  const viewer = await requireStaffPermission("products:read", { returnTo: "/admin/categories" });
  const categories = await listStaffCategories(viewer);
  const live = categories.filter((category) => !category.archived);
  const editable = can(viewer.role, "products:write");
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Categories</h1>
        {editable && (
          <Link href="/admin/categories/new" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
            New category
          </Link>
        )}
      </div>
      <p className="text-neutral-700">The shop&apos;s navigation lists the live categories in this order.</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <thead>
            <tr className="border-b border-neutral-300">
              <th scope="col" className="p-2">Category</th>
              <th scope="col" className="p-2">Products (published)</th>
              <th scope="col" className="p-2">Status</th>
              {editable && <th scope="col" className="p-2">Order</th>}
            </tr>
          </thead>
          <tbody>
            {categories.map((category) => {
              const place = live.indexOf(category);
              return (
                <tr key={category.id} className="border-b border-neutral-200" data-testid="category-row">
                  <td className="p-2">
                    <Link href={`/admin/categories/${category.id}`} className="font-medium text-brand-700 underline">
                      {category.name}
                    </Link>
                    <span className="block text-sm text-neutral-700">/category/{category.slug}</span>
                  </td>
                  <td className="p-2">
                    {category.productCount} ({category.publishedCount})
                  </td>
                  <td className="p-2">{category.archived ? "Archived" : "Live"}</td>
                  {editable && (
                    <td className="p-2">
                      {!category.archived && (
                        <CategoryMoveForm action={moveCategoryAction.bind(null, category.id)} name={category.name} first={place === 0} last={place === live.length - 1} />
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
