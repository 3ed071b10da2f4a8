import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CategoryArchiveForm } from "@/components/admin/categories/category-archive-form";
import { CategoryForm } from "@/components/admin/categories/category-form";
import { setCategoryArchivedAction } from "@/lib/actions/admin/categories/change-category-place";
import { updateCategoryAction } from "@/lib/actions/admin/categories/save-category";
import { can } from "@/lib/auth/permissions";
import { getStaffCategory } from "@/lib/dal/catalog/staff-categories";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { parseSearchParams, searchChoice } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Category" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const pageParamsSchema = z.object({ notice: searchChoice(["created"] as const) });

export default async function AdminCategoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireStaffPermission("products:read", { returnTo: `/admin/categories/${encodeURIComponent(id)}` });
  const category = await getStaffCategory(viewer, id);
  if (!category) notFound();
  const { notice } = parseSearchParams(pageParamsSchema, await searchParams);
  const editable = can(viewer.role, "products:write");
  const initial = { name: category.name, slug: category.slug, description: category.description, metaTitle: category.metaTitle ?? "", metaDescription: category.metaDescription ?? "" };
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <Link href="/admin/categories" className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
        ← All categories
      </Link>
      <h1 className="text-2xl font-bold">{category.name}</h1>
      {notice === "created" && (
        <p role="status" className="rounded border border-success-300 bg-success-50 p-3 text-success-900">
          Category created. It is last in the navigation; move it from the list.
        </p>
      )}
      <p className="text-neutral-700">
        {category.productCount} products, {category.publishedCount} published. {category.archived ? "Archived." : "Live."}
      </p>
      {editable ? (
        <>
          <CategoryForm action={updateCategoryAction.bind(null, category.id)} initial={initial} submitLabel="Save category" />
          <section aria-labelledby="archive-heading" className="flex flex-col gap-2">
            <h2 id="archive-heading" className="text-xl font-semibold">
              {category.archived ? "Restore" : "Archive"}
            </h2>
            <CategoryArchiveForm action={setCategoryArchivedAction.bind(null, category.id)} archived={category.archived} />
          </section>
        </>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">Slug</dt>
          <dd>{category.slug}</dd>
          <dt className="font-semibold">Description</dt>
          <dd>{category.description}</dd>
        </dl>
      )}
    </div>
  );
}
