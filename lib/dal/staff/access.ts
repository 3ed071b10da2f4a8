import "server-only";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/dal/audit/log";
import { raiseAlert } from "@/lib/dal/audit/insider-alerts";
import { recentRefusals, recordRefusal, type RefusalOutcome } from "@/lib/dal/audit/refusal-counts";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import type { AuditContext } from "@/lib/context/request-context";

export const ACCESS_DENIED = "access.denied";

type DeniedAccess = { actorId: string; role: string | null; permission: string; context: AuditContext };

/**
 * Records a refused attempt on an admin page, action or route, counted per
 * account, permission and window (see recordRefusal): the first of a window
 * writes an audit entry (outcome "denied") and a security event, the rest
 * only add to the count, and past the account's rate limit nothing is
 * written. The owners are alerted when one account keeps trying. Nothing
 * else changes.
 */
export function recordDeniedAccess(input: DeniedAccess, now = new Date()): Promise<RefusalOutcome> {
  return recordRefusal(
    { kind: "access_denied", subject: input.actorId, detail: input.permission },
    {
      first: async (tx) => {
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
      },
      then: (tx) => alertOnRepeatedDenials(tx, input, now),
    },
    now,
  );
}

/** Over ALERT_DENIALS_PER_HOUR refusals of one account in the last hour (counted, whatever they asked for): an alert. */
async function alertOnRepeatedDenials(tx: Prisma.TransactionClient, input: DeniedAccess, now: Date): Promise<void> {
  const denials = await recentRefusals(tx, { kind: "access_denied", subject: input.actorId }, now);
  if (denials <= env.ALERT_DENIALS_PER_HOUR) return;
  await raiseAlert(
    tx,
    {
      kind: "repeated_denials",
      actorId: input.actorId,
      message: `An account (${input.role ?? "customer"}) was refused ${denials} admin requests in the last hour, the latest for ${input.permission}.`,
      details: { permission: input.permission, denials },
    },
    now,
  );
}
