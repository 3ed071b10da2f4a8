import "server-only";
import { owesSecondFactor, type SessionAssurance, type SessionAuthMethod, stepUpProvenAt } from "@/lib/auth/session/assurance";
import { isRecentlyAuthenticated } from "@/lib/auth/step-up-window";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { revokeUserSessions } from "@/lib/dal/sessions/sessions";
import type { RequestContext } from "@/lib/context/request-context";

/** What a session has proven, read again inside the transaction of a change of factors. */
export type LockedSessionAssurance = {
  assurance: SessionAssurance;
  accountHasTwoFactor: boolean;
  /** Still owes a second factor: it may change nothing. */
  owesSecondFactor: boolean;
  /** Proved, within the step-up window, what a step-up asks of it (the second factor once the account has one). */
  recentlyProven: boolean;
};

/**
 * Takes the account's row lock, which every change of factors and every
 * ending of other sessions takes first: two sessions of one account cannot
 * race, and the locks are always taken in one order (account, then sessions).
 * Returns the account's two-factor and deactivation times, or null if it is gone.
 */
export async function lockAccount(
  tx: Prisma.TransactionClient,
  userId: string,
): Promise<{ totpEnabledAt: Date | null; deactivatedAt: Date | null } | null> {
  const locked = await tx.$queryRaw<Array<{ totpEnabledAt: Date | null; deactivatedAt: Date | null }>>`
    SELECT "totpEnabledAt", "deactivatedAt" FROM "User" WHERE id = ${userId} FOR UPDATE`;
  return locked[0] ?? null;
}

/**
 * Locks the account (every change of factors and every "end the other
 * sessions" takes this lock first, so two sessions of one account cannot race)
 * and reads the session's assurance as committed now, not as the request saw
 * it. Null when the session is no longer live or is not the viewer's: a
 * session ended by a change elsewhere changes nothing.
 */
export async function lockSessionAssurance(
  tx: Prisma.TransactionClient,
  viewer: { sessionId: string; userId: string },
): Promise<LockedSessionAssurance | null> {
  const account = await lockAccount(tx, viewer.userId);
  if (!account || account.deactivatedAt) return null;
  const now = new Date();
  const row = await tx.session.findFirst({
    where: { id: viewer.sessionId, userId: viewer.userId, revokedAt: null, idleExpiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
    select: { secondFactorPending: true, authMethod: true, passwordVerifiedAt: true, secondFactorVerifiedAt: true },
  });
  if (!row) return null;
  const accountHasTwoFactor = account.totpEnabledAt !== null;
  const assurance: SessionAssurance = {
    method: row.authMethod,
    passwordVerifiedAt: row.passwordVerifiedAt,
    secondFactorVerifiedAt: row.secondFactorVerifiedAt,
  };
  const owes = owesSecondFactor({ challengeOpen: row.secondFactorPending, accountHasTwoFactor, assurance });
  const recentlyProven = !owes && isRecentlyAuthenticated({ reauthenticatedAt: stepUpProvenAt(assurance, accountHasTwoFactor) }, now.getTime());
  return { assurance, accountHasTwoFactor, owesSecondFactor: owes, recentlyProven };
}

/** Records in the session that it proved a second factor now (enrolment or step-up). */
export async function stampSecondFactor(
  tx: Prisma.TransactionClient,
  sessionId: string,
  method?: SessionAuthMethod,
): Promise<void> {
  await tx.session.update({ where: { id: sessionId }, data: { secondFactorVerifiedAt: new Date(), ...(method ? { authMethod: method } : {}) } });
}

/**
 * Ends every other live session of the account after a change of factors or a
 * recovery-code use (V7.4.3; ARCHITECTURE "Authentication and sessions"), in
 * the caller's transaction, and records it. `keep` is the session that made
 * the change; null ends them all. Returns how many ended.
 */
export async function endOtherSessions(
  tx: Prisma.TransactionClient,
  input: { userId: string; keep: string | null; reason: string; context: RequestContext },
): Promise<number> {
  const ended = await revokeUserSessions(tx, input.userId, { keep: input.keep, reason: input.reason });
  if (ended > 0) {
    await recordSecurityEvent(tx, {
      type: "sessions_revoked",
      userId: input.userId,
      context: input.context,
      details: { scope: input.keep ? "others" : "all", ended, reason: input.reason },
    });
  }
  return ended;
}
