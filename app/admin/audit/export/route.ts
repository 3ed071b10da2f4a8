import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { csvRow } from "@/lib/audit/csv";
import { exportAuditEntries } from "@/lib/dal/staff/audit-log";
import { crossSiteRefused, isCrossSiteRequest } from "@/lib/http/same-origin";
import { auditFiltersFrom } from "../filters";

/**
 * GET /admin/audit/export?…filters: the matching entries as CSV (audit:export;
 * the export is audited). Only from this site or a typed URL: another site
 * cannot make a staff browser run (and log) an export.
 */
export async function GET(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request.headers)) return crossSiteRefused();
  const viewer = await requireStaffPermission("audit:export", { returnTo: "/admin/audit" });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const entries = await exportAuditEntries(viewer, auditFiltersFrom(params), await auditContext());
  const header = ["id", "time", "actor", "role", "action", "target", "outcome", "reason", "before", "after", "ip", "request id"];
  const lines = entries.map((entry) =>
    csvRow([entry.id, entry.at.toISOString(), entry.actor, entry.actorRole, entry.action, entry.target, entry.outcome, entry.reason, entry.before, entry.after, entry.ip, entry.requestId]),
  );
  return new Response([csvRow(header), ...lines].join("\r\n") + "\r\n", {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
