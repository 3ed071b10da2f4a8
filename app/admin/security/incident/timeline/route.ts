import { z } from "zod";
import { auditContext } from "@/lib/auth/audit-context";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { incidentReasonSchema } from "@/lib/dal/incident/actor";
import { exportTimeline, timelineCsv } from "@/lib/dal/incident/timeline";
import { crossSiteRefused, isCrossSiteRequest } from "@/lib/http/same-origin";

const INCIDENT_PAGE = "/admin/security/incident";
const utc = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/)
  .transform((value) => new Date(`${value}Z`));
const querySchema = z.object({ from: utc, to: utc, reason: incidentReasonSchema, format: z.enum(["csv", "json"]).default("csv") });

/**
 * GET /admin/security/incident/timeline?from&to&reason&format: audit entries
 * and security events of the window as CSV or JSON (security:manage, a recent
 * second factor, a reason; the export is audited). Only from this site or a
 * typed URL, like the audit export.
 */
export async function GET(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request.headers)) return crossSiteRefused();
  const viewer = await requireStaffPermission("security:manage", { returnTo: INCIDENT_PAGE });
  requireRecentAuthentication(viewer, INCIDENT_PAGE);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response("Give a window (from, to, UTC) and a reason of 10 to 500 characters.", { status: 400, headers: { "cache-control": "no-store" } });
  const result = await exportTimeline({ kind: "staff", viewer }, query.data, await auditContext());
  if (!result.ok) return new Response("The window must start before it ends and span at most a year.", { status: 400, headers: { "cache-control": "no-store" } });
  const name = `incident-timeline-${query.data.from.toISOString().slice(0, 10)}`;
  const body = query.data.format === "csv" ? timelineCsv(result.rows) : JSON.stringify(result.rows, null, 2);
  return new Response(body, {
    headers: {
      "content-type": query.data.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.${query.data.format}"`,
      "cache-control": "no-store",
    },
  });
}
