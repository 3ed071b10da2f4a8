import type { Metadata } from "next";
import Link from "next/link";
import { CategoryForm } from "@/components/admin/categories/category-form";
import { createCategoryAction } from "@/lib/actions/admin/categories/save-category";
import { requireStaffPermission } from "@/lib/guards/staff-guard";

export const metadata: Metadata = { title: "New category" };

const blank = { name: "", slug: "", description: "", metaTitle: "", metaDescription: "" };

export default async function NewCategoryPage() {
  await requireStaffPermission("products:write", { returnTo: "/admin/categories/new" });
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <Link href="/admin/categories" className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
        ← All categories
      </Link>
      <h1 className="text-2xl font-bold">New category</h1>
      <CategoryForm action={createCategoryAction} initial={blank} submitLabel="Create category" />
    </div>
  );
}
