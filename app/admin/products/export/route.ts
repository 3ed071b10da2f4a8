import { auditContext } from "@/lib/auth/audit-context";
import { catalogCsvLines } from "@/lib/actions/admin/products/catalog-csv/write-catalog-csv";
import { exportCatalog } from "@/lib/dal/catalog/csv/export";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { crossSiteRefused, isCrossSiteRequest } from "@/lib/http/same-origin";

/**
 * GET /admin/products/export: the catalog as the CSV file the import reads,
 * streamed (products:read; audited as "catalog.exported"). Only from this
 * site or a typed URL: another site cannot make a staff browser run (and log) an export.
 */
export async function GET(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request.headers)) return crossSiteRefused();
  const viewer = await requireStaffPermission("products:read", { returnTo: "/admin/products" });
  const lines = catalogCsvLines(await exportCatalog({ kind: "staff", viewer }, await auditContext()));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="catalog-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
