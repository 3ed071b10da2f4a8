import "server-only";
import type { AuditContext } from "@/lib/context/request-context";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/dal/audit/log";
import { assertPermission } from "./permission";
import type { StaffViewer } from "./members";

export const AcknowledgeAlertError = { notFound: "alert_not_found" } as const;

/**
 * Closes an open alert with a note, audited in the same transaction. Only an
 * open alert can be closed (a second acknowledgement finds nothing to close).
 */
export async function acknowledgeAlert(
  viewer: StaffViewer,
  input: { alertId: string; note: string },
  context: AuditContext,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; code: (typeof AcknowledgeAlertError)[keyof typeof AcknowledgeAlertError] }> {
  assertPermission(viewer, "security:respond");
  return db.$transaction(async (tx) => {
    const alert = await tx.securityAlert.findFirst({ where: { id: input.alertId, acknowledgedAt: null }, select: { id: true, kind: true, severity: true } });
    if (!alert) return { ok: false as const, code: AcknowledgeAlertError.notFound };
    await tx.securityAlert.update({ where: { id: alert.id }, data: { acknowledgedAt: now, acknowledgedById: viewer.userId, acknowledgeNote: input.note } });
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: "security.alert_acknowledged",
      target: { type: "security_alert", id: alert.id },
      before: { acknowledged: false },
      after: { acknowledged: true, rule: alert.kind, severity: alert.severity },
      reason: input.note,
      outcome: "success",
      context,
    });
    return { ok: true as const };
  });
}
