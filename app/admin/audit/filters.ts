import { z } from "zod";
import type { AuditFilters } from "@/lib/dal/staff/audit-log";
import { endOfDay, parseSearchParams, searchDay, searchText, startOfDay, type RawSearchParams } from "@/lib/http/search-params";

/** The audit log's query string (the page, its form and the export read the same one). */
export const auditParamsSchema = z.object({
  actor: searchText(254),
  action: searchText(80).pipe(z.string().regex(/^[a-z_.]{1,80}$/).optional()).catch(undefined),
  targetType: searchText(40).pipe(z.string().regex(/^[a-z_]{1,40}$/).optional()).catch(undefined),
  targetId: searchText(80),
  from: searchDay,
  to: searchDay,
  page: z.coerce.number().int().catch(1).transform((page) => Math.min(Math.max(page, 1), 10_000)),
});

/** The audit log's filters from a query string (the page and the export read the same ones). */
export function auditFiltersFrom(raw: RawSearchParams): AuditFilters {
  const params = parseSearchParams(auditParamsSchema, raw);
  return {
    actorEmail: params.actor,
    action: params.action,
    targetType: params.targetType,
    targetId: params.targetId,
    from: params.from ? startOfDay(params.from) : undefined,
    to: params.to ? endOfDay(params.to) : undefined,
  };
}
