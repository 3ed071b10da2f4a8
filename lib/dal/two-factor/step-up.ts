import "server-only";
import { verifyPassword } from "@/lib/auth/password/hashing";
import { twoFactorThrottle } from "@/lib/auth/two-factor/attempt-throttle";
import { db } from "@/lib/db";
import { recordRecoveryCodeUse } from "@/lib/dal/two-factor/recovery-code-use";
import { consumeSecondFactor, type SecondFactorMethod } from "@/lib/dal/two-factor/second-factor-check";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { lockSessionAssurance } from "@/lib/dal/sessions/internal/assurance";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import type { RequestContext } from "@/lib/context/request-context";

export type StepUpMethod = SecondFactorMethod | "password";
export type StepUpResult =
  | { ok: true }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  /** The rate-limit store could not be asked: the client did nothing wrong. */
  | { ok: false; reason: "unavailable" };

/**
 * Step-up re-authentication before a sensitive action: with two-factor on, a
 * fresh second factor (the password alone is not enough); without it, the
 * password. Success stamps the factor's time on the session, which counts as
 * "recent" for a while. A session that still owes its sign-in's second factor
 * cannot step up: it must answer the challenge (which opens a new session).
 * A recovery code used here ends the account's other sessions, as at sign-in.
 */
export async function reauthenticate(
  viewer: ActiveSession,
  input: { method: StepUpMethod; secret: string; context: RequestContext },
): Promise<StepUpResult> {
  if (viewer.secondFactorPending) return { ok: false, reason: "invalid" };
  if (viewer.user.twoFactorEnabled === (input.method === "password")) return { ok: false, reason: "invalid" };
  const attempt = { email: viewer.user.email, ip: input.context.ip };
  const gate = await twoFactorThrottle().check(attempt);
  // A store failure is "unavailable", never "throttled": the client did not try too often.
  if (!gate.allowed && gate.scope === "store") return { ok: false, reason: "unavailable" };
  if (!gate.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };

  const check =
    input.method === "password"
      ? { ok: await passwordMatches(viewer.userId, input.secret), recoveryCodesLeft: null }
      : await consumeSecondFactor(viewer.userId, input.method, input.secret);
  if (!check.ok) {
    await twoFactorThrottle().recordFailure(attempt);
    return { ok: false, reason: "invalid" };
  }
  await twoFactorThrottle().recordSuccess(attempt);
  const stamped = await db.$transaction(async (tx) => {
    const session = await lockSessionAssurance(tx, viewer);
    if (!session || session.owesSecondFactor) return false;
    const now = new Date();
    await tx.session.update({
      where: { id: viewer.sessionId },
      data: input.method === "password" ? { passwordVerifiedAt: now } : { secondFactorVerifiedAt: now },
    });
    await recordSecurityEvent(tx, { type: "reauthenticated", userId: viewer.userId, context: input.context, details: { method: input.method } });
    if (check.recoveryCodesLeft !== null) {
      const user = { id: viewer.userId, name: viewer.user.name, email: viewer.user.email };
      await recordRecoveryCodeUse(tx, { user, keepSessionId: viewer.sessionId, remaining: check.recoveryCodesLeft, context: input.context });
    }
    return true;
  });
  return stamped ? { ok: true } : { ok: false, reason: "invalid" };
}

async function passwordMatches(userId: string, password: string): Promise<boolean> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return (await verifyPassword(user.passwordHash, password)).valid;
}
