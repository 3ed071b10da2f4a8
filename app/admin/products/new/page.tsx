import type { Metadata } from "next";
import Link from "next/link";
import { ProductForm } from "@/components/admin/products/product-form";
import { blankVariant } from "@/components/admin/products/variant-fields";
import { createProductAction } from "@/lib/actions/admin/products/create-product";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { listCategoryOptions } from "@/lib/dal/catalog/staff-products";

export const metadata: Metadata = { title: "New product" };

const blank = { name: "", slug: "", description: "", categoryId: "", featured: false, metaTitle: "", metaDescription: "" };

export default async function NewProductPage() {
  const viewer = await requireStaffPermission("products:write", { returnTo: "/admin/products/new" });
  const categories = await listCategoryOptions(viewer);
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <Link href="/admin/products" className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
        ← All products
      </Link>
      <h1 className="text-2xl font-bold">New product</h1>
      <p className="text-neutral-700">New products start unpublished with one variant and no stock: add options and variants if it has any, stock and an image, then publish.</p>
      <ProductForm action={createProductAction} categories={categories} initial={blank} firstVariant={{ currency: SHOP_CURRENCY, initial: blankVariant }} submitLabel="Create product" />
    </div>
  );
}
