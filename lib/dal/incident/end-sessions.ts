import "server-only";
import type { AuditContext } from "@/lib/context/request-context";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/dal/audit/log";
import { endOtherSessions } from "@/lib/dal/sessions/internal/assurance";
import { type AccountCohort, accountsOf, cohortSummary } from "./cohorts";
import { auditActorOf, checkIncidentActor, type IncidentActor, type Refused } from "./actor";

/** Why these sessions ended, as stored on each session row (Session.revokedReason). */
export const INCIDENT_REVOKE_REASON = "incident_response";

/** An incident tool that touches every account of a cohort may take a while on a large shop. */
export const COHORT_TRANSACTION_TIMEOUT_MS = 120_000;

export type EndSessionsResult = { ok: true; accounts: number; sessionsEnded: number; keptOwnSession: boolean; unmatched: number } | Refused;

/**
 * Ends every live session of the cohort's accounts, each account recording
 * its `sessions_revoked` security event (lib/dal/sessions, the same code as
 * "sign out everywhere"). An owner acting from the admin keeps the session
 * they act from (their other sessions end); the command keeps none.
 */
export async function endSessionsForCohort(
  actor: IncidentActor,
  input: { cohort: AccountCohort; reason: string },
  context: AuditContext,
  now = new Date(),
): Promise<EndSessionsResult> {
  const checked = checkIncidentActor(actor, input.reason, now.getTime());
  if (!checked.ok) return checked;
  const keep = actor.kind === "staff" ? actor.viewer : null;
  return db.$transaction(
    async (tx) => {
      const { ids, unmatched } = await accountsOf(tx, input.cohort);
      const ended = await endSessionsOf(tx, ids, keep, context);
      await appendAudit(tx, {
        actor: auditActorOf(actor),
        action: "incident.sessions_ended",
        target: { type: "shop", id: input.cohort.kind },
        after: { ...cohortSummary(input.cohort), accounts: ended.accounts, sessionsEnded: ended.sessions, keptOwnSession: ended.keptOwn, unmatched },
        reason: checked.reason,
        outcome: "success",
        context,
      });
      return { ok: true as const, accounts: ended.accounts, sessionsEnded: ended.sessions, keptOwnSession: ended.keptOwn, unmatched };
    },
    { timeout: COHORT_TRANSACTION_TIMEOUT_MS },
  );
}

/**
 * Ends the live sessions of `userIds` in the caller's transaction (only
 * accounts that have one are visited). `keep` is the acting staff member's own
 * session, left signed in. Returns how many accounts and sessions it ended.
 */
export async function endSessionsOf(
  tx: Prisma.TransactionClient,
  userIds: readonly string[],
  keep: { userId: string; sessionId: string } | null,
  context: AuditContext,
): Promise<{ accounts: number; sessions: number; keptOwn: boolean }> {
  const live = await tx.session.findMany({
    where: { userId: { in: [...userIds] }, revokedAt: null },
    distinct: ["userId"],
    select: { userId: true },
  });
  let accounts = 0;
  let sessions = 0;
  let keptOwn = false;
  for (const { userId } of live) {
    const own = keep?.userId === userId;
    const count = await endOtherSessions(tx, { userId, keep: own ? keep.sessionId : null, reason: INCIDENT_REVOKE_REASON, context });
    keptOwn ||= own;
    if (count > 0) accounts += 1;
    sessions += count;
  }
  return { accounts, sessions, keptOwn };
}
