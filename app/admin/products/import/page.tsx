import type { Metadata } from "next";
import Link from "next/link";
import { CatalogImportForm } from "@/components/admin/products/catalog-import-form";
import { requireStaffPermission } from "@/lib/guards/staff-guard";

export const metadata: Metadata = { title: "Import and export the catalog" };

/** The catalog file: export it, change it in a spreadsheet, import it back (docs/catalog-csv.md). */
export default async function CatalogImportPage() {
  await requireStaffPermission("products:write", { returnTo: "/admin/products/import" });
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Import and export the catalog</h1>
      <p>
        One row per variant. Export the catalog, change it in a spreadsheet, and import it back: every row is checked first, and the file is imported
        whole or not at all. Variants the file does not list stay as they are.
      </p>
      <p>
        <a href="/admin/products/export" download className="font-medium text-brand-700 underline">
          Export CSV
        </a>
      </p>
      <CatalogImportForm />
      <p>
        <Link href="/admin/products" className="text-brand-700 underline">
          Back to products
        </Link>
      </p>
    </div>
  );
}
