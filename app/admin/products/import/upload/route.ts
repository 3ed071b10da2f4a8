import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { checkRouteCsrf } from "@/lib/auth/csrf/request-csrf";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { importUploadedCatalog, UploadTooLargeError } from "@/lib/actions/admin/products/catalog-csv/import-upload";
import { isSameOriginRequest } from "@/lib/http/same-origin";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

const querySchema = z.object({
  dryRun: z.enum(["0", "1"]).default("0"),
  name: z.string().trim().max(200).default("upload.csv"),
});

/**
 * POST /admin/products/import/upload?dryRun=1&name=<file name>, the body the
 * CSV file itself (products:write). A route handler rather than a server
 * action, whose body limit (3 MB) is far below a catalog's: the body streams
 * to a temporary file. Same-origin only, with the page's anti-CSRF token in
 * the x-csrf-token header. Answers the import's report as JSON.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) return json({ error: "cross_site" }, 403);
  const viewer = await requireStaffPermission("products:write", { returnTo: "/admin/products/import" });
  if (!(await checkRouteCsrf(request)).ok) return json({ error: "csrf" }, 403);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success || !request.body) return json({ error: "bad_request" }, 400);
  try {
    const report = await importUploadedCatalog(viewer, request.body, { dryRun: query.data.dryRun === "1", fileName: query.data.name }, await auditContext());
    return json(report);
  } catch (error) {
    if (error instanceof UploadTooLargeError) return json({ error: "too_large" }, 413);
    throw error;
  }
}
