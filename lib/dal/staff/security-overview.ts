import "server-only";
import { db } from "@/lib/db";
import { maskEmail } from "@/lib/mail/mask";
import { maskedSubject } from "@/lib/security/detection/subject-label";
import { assertPermission } from "./permission";
import type { StaffViewer } from "./members";

const DAYS = 14;

/** An open alert as the security page shows it: the subject masked (never a full address or e-mail). */
export type StaffSecurityAlertDTO = {
  id: string;
  rule: string;
  severity: string | null;
  subject: string;
  message: string;
  firstSeen: Date;
  lastSeen: Date;
  count: number;
};

export type DailyCount = { day: string; value: number };

export type StaffSecurityOverviewDTO = {
  openAlerts: StaffSecurityAlertDTO[];
  eventsPerDay: { type: string; days: DailyCount[] }[];
  alertsPerDay: DailyCount[];
};

function lastDays(now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: DAYS }, (_, i) => new Date(today - (DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** A customer subject is named by a masked e-mail; a staff subject by the member's name. */
async function subjectLabels(subjects: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(subjects.flatMap((subject) => (/^(user|staff):/.test(subject) ? [subject.split(":")[1] ?? ""] : [])))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true, kind: true } }) : [];
  const byId = new Map(users.map((user) => [user.id, user]));
  return new Map(
    subjects.map((subject) => {
      const [kind, id = ""] = subject.split(":");
      const user = byId.get(id);
      if (kind === "user" && user) return [subject, `account ${maskEmail(user.email)}`];
      if (kind === "staff" && user) return [subject, `${maskedSubject(subject)}: ${user.name}`];
      return [subject, maskedSubject(subject)];
    }),
  );
}

/** The security page: open alerts, most severe and newest first, and 14 days of events and alerts. */
export async function getSecurityOverview(viewer: StaffViewer, now = new Date()): Promise<StaffSecurityOverviewDTO> {
  assertPermission(viewer, "security:read");
  const days = lastDays(now);
  const since = new Date(`${days[0]}T00:00:00Z`);
  const [alerts, events, alertDays] = await Promise.all([
    db.securityAlert.findMany({
      where: { acknowledgedAt: null },
      select: { id: true, kind: true, severity: true, subject: true, message: true, createdAt: true, lastSeenAt: true, peakCount: true },
      orderBy: { createdAt: "desc" },
      take: 100,
    }),
    db.$queryRaw<{ day: Date; type: string; n: bigint }[]>`
      SELECT date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day, type::text AS type, count(*) AS n
        FROM "SecurityEvent" WHERE "createdAt" >= ${since} GROUP BY 1, 2`,
    db.$queryRaw<{ day: Date; n: bigint }[]>`
      SELECT date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day, count(*) AS n
        FROM "SecurityAlert" WHERE "createdAt" >= ${since} GROUP BY 1`,
  ]);
  const labels = await subjectLabels(alerts.flatMap((alert) => (alert.subject ? [alert.subject] : [])));
  const rank = (severity: string | null) => ({ high: 0, medium: 1, low: 2 })[severity ?? ""] ?? 3;
  const openAlerts = alerts
    .map((alert) => ({
      id: alert.id,
      rule: alert.kind,
      severity: alert.severity,
      subject: alert.subject ? (labels.get(alert.subject) ?? maskedSubject(alert.subject)) : "a staff member",
      message: alert.message,
      firstSeen: alert.createdAt,
      lastSeen: alert.lastSeenAt ?? alert.createdAt,
      count: alert.peakCount,
    }))
    .sort((a, b) => rank(a.severity) - rank(b.severity));
  const key = (day: Date) => day.toISOString().slice(0, 10);
  const types = [...new Set(events.map((event) => event.type))].sort();
  return {
    openAlerts,
    eventsPerDay: types.map((type) => ({
      type,
      days: days.map((day) => ({ day, value: Number(events.find((event) => event.type === type && key(event.day) === day)?.n ?? 0) })),
    })),
    alertsPerDay: days.map((day) => ({ day, value: Number(alertDays.find((row) => key(row.day) === day)?.n ?? 0) })),
  };
}
