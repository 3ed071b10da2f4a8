import "server-only";
import type { AuditContext } from "@/lib/context/request-context";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/dal/audit/log";
import { type AccountCohort, accountsOf, cohortSummary } from "./cohorts";
import { auditActorOf, checkIncidentActor, type IncidentActor, type Refused } from "./actor";
import { COHORT_TRANSACTION_TIMEOUT_MS, endSessionsOf } from "./end-sessions";

export type ForceResetResult = { ok: true; accounts: number; sessionsEnded: number; unmatched: number; skippedSelf: boolean } | Refused;

/**
 * Makes every account of the cohort choose a new password: the password stops
 * working (User.passwordResetRequiredAt, as "This wasn't me" sets it: sign-in
 * answers "reset required" until a reset link is used) and every session of
 * those accounts ends. The owner acting from the admin is left out of the
 * cohort, so the person responding is not locked out mid-incident.
 */
export async function forcePasswordReset(
  actor: IncidentActor,
  input: { cohort: AccountCohort; reason: string },
  context: AuditContext,
  now = new Date(),
): Promise<ForceResetResult> {
  const checked = checkIncidentActor(actor, input.reason, now.getTime());
  if (!checked.ok) return checked;
  const self = actor.kind === "staff" ? actor.viewer.userId : null;
  return db.$transaction(
    async (tx) => {
      const cohort = await accountsOf(tx, input.cohort);
      const ids = cohort.ids.filter((id) => id !== self);
      const updated = await tx.user.updateMany({ where: { id: { in: ids } }, data: { passwordResetRequiredAt: now } });
      const ended = await endSessionsOf(tx, ids, null, context);
      const result = { accounts: updated.count, sessionsEnded: ended.sessions, unmatched: cohort.unmatched, skippedSelf: ids.length < cohort.ids.length };
      await appendAudit(tx, {
        actor: auditActorOf(actor),
        action: "incident.password_reset_forced",
        target: { type: "shop", id: input.cohort.kind },
        after: { ...cohortSummary(input.cohort), ...result },
        reason: checked.reason,
        outcome: "success",
        context,
      });
      return { ok: true as const, ...result };
    },
    { timeout: COHORT_TRANSACTION_TIMEOUT_MS },
  );
}
