import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { type AuditContext, appendAudit } from "./audit-log";
import { countRecent, raiseAlert } from "./insider-alerts";
import { recordSecurityEvent } from "./security-events";

export const ACCESS_DENIED = "access.denied";

/**
 * Records a refused attempt on an admin page, action or route: an audit entry
 * (outcome "denied") and a security event, and an alert to the owners when
 * one account keeps trying. Nothing else changes.
 */
export async function recordDeniedAccess(input: {
  actorId: string;
  role: string | null;
  permission: string;
  context: AuditContext;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    await appendAudit(tx, {
      actor: { id: input.actorId, role: input.role },
      action: ACCESS_DENIED,
      target: { type: "permission", id: input.permission },
      outcome: "denied",
      context: input.context,
    });
    await recordSecurityEvent(tx, {
      type: "staff_access_denied",
      userId: input.actorId,
      context: input.context,
      details: { permission: input.permission },
    });
    const denials = await countRecent(tx, input.actorId, ACCESS_DENIED);
    if (denials > env.ALERT_DENIALS_PER_HOUR) {
      await raiseAlert(tx, {
        kind: "repeated_denials",
        actorId: input.actorId,
        message: `An account (${input.role ?? "customer"}) was refused ${denials} admin requests in the last hour, the latest for ${input.permission}.`,
        details: { permission: input.permission, denials },
      });
    }
  });
}
