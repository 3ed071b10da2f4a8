import type { Metadata } from "next";
import Link from "next/link";
import { ProductFilters } from "@/components/admin/products/product-filters";
import { ProductTable } from "@/components/admin/products/product-table";
import { Pagination } from "@/components/pagination";
import { can } from "@/lib/auth/permissions";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { listCategoryOptions, listStaffProducts } from "@/lib/dal/catalog/staff-products";
import { filtersToParams, parseStaffProductFilters } from "@/lib/catalog/staff-product-filters";

export const metadata: Metadata = { title: "Products" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminProductsPage({ searchParams }: Props) {
  const viewer = await requireStaffPermission("products:read", { returnTo: "/admin/products" });
  const filters = parseStaffProductFilters(await searchParams);
  const [{ products, total, pages }, categories] = await Promise.all([listStaffProducts(viewer, filters), listCategoryOptions(viewer)]);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Products</h1>
        {can(viewer.role, "products:write") && (
          <Link href="/admin/products/import" className="inline-flex min-h-11 items-center rounded border border-brand-700 px-4 font-medium text-brand-700 hover:bg-brand-50">
            Import or export CSV
          </Link>
        )}
        {can(viewer.role, "products:write") && (
          <Link href="/admin/products/new" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
            New product
          </Link>
        )}
      </div>
      <ProductFilters filters={filters} categories={categories} />
      <p role="status" className="text-neutral-700">
        {total === 1 ? "1 product" : `${total} products`}
      </p>
      <ProductTable products={products} />
      <Pagination page={filters.page} pages={pages} basePath="/admin/products" params={filtersToParams(filters)} />
    </div>
  );
}
