import type { Metadata } from "next";
import { CustomerSearchForm } from "@/components/admin/customers/customer-search-form";
import { CustomerTable } from "@/components/admin/customers/customer-table";
import { Pagination } from "@/components/pagination";
import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { listingParamsSchema } from "@/lib/catalog/listing-params";
import { listCustomersForStaff } from "@/lib/dal/customers/staff-customers";
import { parseSearchParams } from "@/lib/http/search-params";
import { z } from "zod";

export const metadata: Metadata = { title: "Customers" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const customerSearchSchema = z.object({
  q: z.string().catch("").transform((text) => text.trim().slice(0, 254)),
  page: listingParamsSchema.shape.page,
});

export default async function AdminCustomersPage({ searchParams }: Props) {
  const viewer = await requireStaffPermission("customers:read", { returnTo: "/admin/customers" });
  const { q: query, page } = parseSearchParams(customerSearchSchema, await searchParams);
  const result = await listCustomersForStaff(viewer, { query, page }, await auditContext());
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Customers</h1>
      <p className="text-sm text-neutral-700">
        Personal data is masked. Open a customer to reveal it for a few minutes, with a reason; every reveal is recorded.
      </p>
      <CustomerSearchForm query={query} />
      <p role="status" className="text-sm text-neutral-700">
        {result.total === 1 ? "1 customer" : `${result.total} customers`}
        {query ? ` matching "${query}"` : ""}
      </p>
      <CustomerTable customers={result.customers} />
      <Pagination page={result.page} pages={result.pages} basePath="/admin/customers" params={query ? { q: query } : {}} />
    </div>
  );
}
