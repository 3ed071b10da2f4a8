import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit, type ChainReport, verifyAuditChain } from "@/lib/dal/audit/log";
import { raiseAlert } from "@/lib/dal/audit/insider-alerts";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { AuditContext } from "@/lib/context/request-context";

export type AuditFilters = { actorEmail?: string; action?: string; targetType?: string; targetId?: string; from?: Date; to?: Date };

export type StaffAuditEntryDTO = {
  id: string;
  at: Date;
  actor: string;
  actorRole: string | null;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
};

export const AUDIT_PAGE_SIZE = 100;
const EXPORT_LIMIT = 100_000;

async function whereOf(filters: AuditFilters): Promise<Prisma.AuditEntryWhereInput> {
  let actorId: string | undefined;
  if (filters.actorEmail) {
    const actor = await db.user.findUnique({ where: { email: normalizeEmail(filters.actorEmail) }, select: { id: true } });
    actorId = actor?.id ?? "no-such-actor";
  }
  return {
    actorId,
    action: filters.action ? { startsWith: filters.action } : undefined,
    targetType: filters.targetType || undefined,
    targetId: filters.targetId || undefined,
    createdAt: filters.from || filters.to ? { gte: filters.from, lt: filters.to } : undefined,
  };
}

async function toDTOs(rows: Prisma.AuditEntryGetPayload<object>[]): Promise<StaffAuditEntryDTO[]> {
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } });
  const emailOf = new Map(actors.map((actor) => [actor.id, actor.email]));
  return rows.map((row) => ({
    id: row.id.toString(),
    at: row.createdAt,
    actor: row.actorId ? (emailOf.get(row.actorId) ?? row.actorId) : "system",
    actorRole: row.actorRole,
    action: row.action,
    target: row.targetType ? `${row.targetType}:${row.targetId ?? ""}` : null,
    before: row.before,
    after: row.after,
    reason: row.reason,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.requestId,
  }));
}

export async function listAuditEntries(viewer: StaffViewer, filters: AuditFilters, page: number): Promise<{ entries: StaffAuditEntryDTO[]; total: number }> {
  assertPermission(viewer, "audit:read");
  const where = await whereOf(filters);
  const [rows, total] = await Promise.all([
    db.auditEntry.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    db.auditEntry.count({ where }),
  ]);
  return { entries: await toDTOs(rows), total };
}

/**
 * The entries matching `filters` for download. The export is itself audited
 * (with the filters and the row count), and a large one alerts the owners.
 */
export async function exportAuditEntries(
  viewer: StaffViewer,
  filters: AuditFilters,
  context: AuditContext,
  alertAboveRows = env.ALERT_EXPORT_ROWS,
): Promise<StaffAuditEntryDTO[]> {
  assertPermission(viewer, "audit:export");
  const rows = await db.auditEntry.findMany({ where: await whereOf(filters), orderBy: { id: "asc" }, take: EXPORT_LIMIT });
  await db.$transaction(async (tx) => {
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: "audit.exported",
      target: { type: "audit", id: "export" },
      after: { rows: rows.length, filters: JSON.parse(JSON.stringify(filters)) },
      outcome: "success",
      context,
    });
    if (rows.length > alertAboveRows) {
      await raiseAlert(tx, {
        kind: "large_export",
        actorId: viewer.userId,
        message: `A ${viewer.role} exported ${rows.length} audit log entries.`,
        details: { rows: rows.length },
      });
    }
  });
  return toDTOs(rows);
}

/** Verifies the chain from the admin; the check and its result are recorded too. */
export async function verifyAuditLog(viewer: StaffViewer, context: AuditContext): Promise<ChainReport> {
  assertPermission(viewer, "audit:read");
  const report = await verifyAuditChain();
  await db.$transaction((tx) =>
    appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: "audit.verified",
      target: { type: "audit", id: "chain" },
      after: { checked: report.checked, brokenAt: report.broken ? (report.broken.id?.toString() ?? report.broken.problem) : null },
      outcome: report.broken ? "failure" : "success",
      context,
    }),
  );
  return report;
}
