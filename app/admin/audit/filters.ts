import type { AuditFilters } from "@/lib/dal/staff/audit-log";

type Params = Record<string, string | string[] | undefined>;

const text = (value: string | string[] | undefined, max: number) => (typeof value === "string" ? value.trim().slice(0, max) : "");
const day = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(`${value}T00:00:00Z`) : undefined);

/** The audit log's filters from a query string (the page and the export read the same ones). */
export function auditFiltersFrom(params: Params): AuditFilters {
  const to = day(text(params.to, 10));
  return {
    actorEmail: text(params.actor, 254) || undefined,
    action: /^[a-z_.]{1,80}$/.test(text(params.action, 80)) ? text(params.action, 80) : undefined,
    targetType: /^[a-z_]{1,40}$/.test(text(params.targetType, 40)) ? text(params.targetType, 40) : undefined,
    targetId: text(params.targetId, 80) || undefined,
    from: day(text(params.from, 10)),
    to: to ? new Date(to.getTime() + 86_400_000) : undefined,
  };
}
