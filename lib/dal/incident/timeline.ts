import "server-only";
import type { AuditContext } from "@/lib/context/request-context";
import { db } from "@/lib/db";
import { REDACTED } from "@/lib/audit/audit-values";
import { csvRow } from "@/lib/audit/csv";
import { appendAudit } from "@/lib/dal/audit/log";
import { auditActorOf, checkIncidentActor, type IncidentActor, type Refused } from "./actor";

/** One line of an incident timeline: an audit entry or a security event. */
export type TimelineRow = {
  at: Date;
  source: "audit" | "security_event";
  id: string;
  /** The audit action ("order.refunded") or the security event type ("sign_in_failed"). */
  event: string;
  /** Who acted: the staff member's email, "cli", "system", or the account id of a security event. */
  actor: string;
  actorRole: string | null;
  target: string | null;
  outcome: string | null;
  reason: string | null;
  /** Audit before/after (already redacted by data class when written) or the event's details (masked here). */
  details: unknown;
  ip: string | null;
  requestId: string | null;
};

/** The widest window one export may cover, and the most rows it holds from each source. */
export const TIMELINE_MAX_DAYS = 366;
export const TIMELINE_ROW_LIMIT = 100_000;

export const TimelineError = { windowInvalid: "window_invalid" } as const;

/** Keys whose values never leave in an export (a security event never should hold them; this holds even if one did). */
const SECRET_KEY = /pass(word)?|token|secret|code|cookie|authori[sz]ation|email|phone/i;

/** A security event's details with secret-looking values replaced, at any depth. */
export function maskDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDetails);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? REDACTED : maskDetails(inner)]));
}

/**
 * Audit entries and security events between `from` and `to`, merged in time
 * order (incident tool 6), like the audit export: values were redacted by data
 * class when written, user agents are left out, security event details are
 * masked. The export is itself audited, with the window and row count.
 */
export async function exportTimeline(
  actor: IncidentActor,
  input: { from: Date; to: Date; reason: string },
  context: AuditContext,
  now = new Date(),
): Promise<{ ok: true; rows: TimelineRow[] } | Refused | { ok: false; code: typeof TimelineError.windowInvalid }> {
  const checked = checkIncidentActor(actor, input.reason, now.getTime());
  if (!checked.ok) return checked;
  const span = input.to.getTime() - input.from.getTime();
  if (!(span > 0) || span > TIMELINE_MAX_DAYS * 86_400_000) return { ok: false, code: TimelineError.windowInvalid };
  const window = { gte: input.from, lt: input.to };
  const [entries, events] = await Promise.all([
    db.auditEntry.findMany({ where: { createdAt: window }, orderBy: { id: "asc" }, take: TIMELINE_ROW_LIMIT }),
    db.securityEvent.findMany({
      where: { createdAt: window },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: TIMELINE_ROW_LIMIT,
      select: { id: true, createdAt: true, type: true, userId: true, ip: true, details: true },
    }),
  ]);
  const staffIds = [...new Set(entries.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
  const staff = await db.user.findMany({ where: { id: { in: staffIds }, kind: "staff" }, select: { id: true, email: true } });
  const emailOf = new Map(staff.map((member) => [member.id, member.email]));
  const rows: TimelineRow[] = [
    ...entries.map((entry) => ({
      at: entry.createdAt,
      source: "audit" as const,
      id: entry.id.toString(),
      event: entry.action,
      actor: entry.actorId ? (emailOf.get(entry.actorId) ?? entry.actorId) : "system",
      actorRole: entry.actorRole,
      target: entry.targetType ? `${entry.targetType}:${entry.targetId ?? ""}` : null,
      outcome: entry.outcome,
      reason: entry.reason,
      details: entry.before || entry.after ? { before: entry.before, after: entry.after } : null,
      ip: entry.ip,
      requestId: entry.requestId,
    })),
    ...events.map((event) => ({
      at: event.createdAt,
      source: "security_event" as const,
      id: event.id,
      event: event.type,
      actor: event.userId ?? "anonymous",
      actorRole: null,
      target: event.userId ? `user:${event.userId}` : null,
      outcome: null,
      reason: null,
      details: maskDetails(event.details),
      ip: event.ip,
      requestId: null,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.source === b.source ? 0 : a.source === "audit" ? -1 : 1));
  await db.$transaction((tx) =>
    appendAudit(tx, {
      actor: auditActorOf(actor),
      action: "incident.timeline_exported",
      target: { type: "audit", id: "timeline" },
      after: { from: input.from.toISOString(), to: input.to.toISOString(), auditEntries: entries.length, securityEvents: events.length },
      reason: checked.reason,
      outcome: "success",
      context,
    }),
  );
  return { ok: true, rows };
}

const CSV_HEADER = ["time", "source", "id", "event", "actor", "role", "target", "outcome", "reason", "details", "ip", "request id"];

/** The timeline as CSV (cells quoted, formulas defused by lib/audit/csv.ts), CRLF line ends. */
export function timelineCsv(rows: readonly TimelineRow[]): string {
  const lines = rows.map((row) =>
    csvRow([row.at.toISOString(), row.source, row.id, row.event, row.actor, row.actorRole, row.target, row.outcome, row.reason, row.details, row.ip, row.requestId]),
  );
  return [csvRow(CSV_HEADER), ...lines].join("\r\n") + "\r\n";
}
