import "server-only";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/context/request-context";
import { raiseAlert } from "@/lib/dal/audit/insider-alerts";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { revokeUserSessions } from "@/lib/dal/sessions/sessions";
import { cancelAccountTokens } from "./internal/tokens";

/**
 * "This wasn't me": the owner says someone else is in their account. In one
 * transaction every session ends (the reporter's too: it may be the stolen
 * one), every outstanding link is cancelled (an email change the intruder
 * started must not complete), the password stops working until a reset, the
 * staff are alerted, and the owner is mailed a fresh reset link (issued by the
 * worker when it sends). Only the viewer's own account can be reported.
 */
export async function reportAccountCompromise(
  viewer: ActiveSession,
  input: { note: string | null; context: RequestContext },
  now = new Date(),
): Promise<{ sessionsEnded: number }> {
  const userId = viewer.userId;
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordResetRequiredAt: now }, select: { id: true } });
    const sessionsEnded = await revokeUserSessions(tx, userId, { keep: null, reason: "compromise_reported" });
    await cancelAccountTokens(tx, userId);
    await recordSecurityEvent(tx, {
      type: "account_compromise_reported",
      userId,
      context: input.context,
      details: { sessionsEnded },
    });
    await raiseAlert(
      tx,
      {
        kind: "account_compromise_reported",
        actorId: userId,
        message: "An account holder reported activity on their account that was not theirs. The account is locked until its password is reset.",
        details: { customerId: userId, sessionsEnded, ...(input.note ? { note: input.note } : {}) },
      },
      now,
    );
    await enqueueJob(tx, "account", { kind: "compromise-report", userId });
    return { sessionsEnded };
  });
}
