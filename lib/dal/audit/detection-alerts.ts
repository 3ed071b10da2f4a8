import "server-only";
import { can, STAFF_ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { detectionAlertMail } from "@/lib/mail/templates";
import type { Finding } from "@/lib/security/detection/findings";
import { maskedSubject } from "@/lib/security/detection/subject-label";

/** An open alert absorbs new sightings of its rule and subject for this long; after it, a fresh alert (and mail) is raised. */
export const DETECTION_ALERT_WINDOW_MS = 24 * 3_600_000;

/** The staff roles that may read security alerts: only they are mailed. */
export const SECURITY_READER_ROLES = STAFF_ROLES.filter((role) => can(role, "security:read"));

/**
 * Opens an alert for a finding, or, when one is open for the same rule and
 * subject within the window, records the new sighting on it (last seen, peak
 * count) without mailing again. Serialised per rule and subject by an advisory
 * lock, so the schedule and an event-triggered run cannot open two.
 * Returns whether a new alert was opened.
 */
export async function recordFinding(finding: Finding, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`detection:${finding.rule}:${finding.subject}`}))`;
    const open = await tx.securityAlert.findFirst({
      where: { kind: finding.rule, subject: finding.subject, acknowledgedAt: null, createdAt: { gt: new Date(now.getTime() - DETECTION_ALERT_WINDOW_MS) } },
      select: { id: true, peakCount: true },
    });
    if (open) {
      await tx.securityAlert.update({ where: { id: open.id }, data: { lastSeenAt: now, peakCount: Math.max(open.peakCount, finding.count) } });
      return false;
    }
    await tx.securityAlert.create({
      data: {
        kind: finding.rule,
        severity: finding.severity,
        subject: finding.subject,
        message: `${finding.summary} (${maskedSubject(finding.subject)})`.slice(0, 500),
        details: { count: finding.count },
        peakCount: finding.count,
        lastSeenAt: now,
        createdAt: now,
      },
    });
    const readers = await tx.user.findMany({
      where: { kind: "staff", staffRole: { in: [...SECURITY_READER_ROLES] }, deactivatedAt: null },
      select: { name: true, email: true },
    });
    for (const reader of readers) {
      const mail = detectionAlertMail({
        name: reader.name,
        severity: finding.severity,
        rule: finding.rule.replace(/_/g, " "),
        subject: maskedSubject(finding.subject),
        summary: finding.summary,
        link: `${env.SITE_URL}/admin/security`,
      });
      await enqueueJob(tx, "mail", { to: reader.email, ...mail });
    }
    return true;
  });
}
