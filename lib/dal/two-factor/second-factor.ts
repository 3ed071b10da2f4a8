import "server-only";
import { issueDeviceCookie } from "@/lib/auth/device-cookie";
import { twoFactorThrottle } from "@/lib/auth/two-factor/attempt-throttle";
import { db } from "@/lib/db";
import { methodWithSecondFactor } from "@/lib/auth/session/assurance";
import { env } from "@/lib/env";
import { twoFactorFailed } from "@/lib/mail/templates";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { recordRecoveryCodeUse } from "./recovery-code-use";
import { lockAccount } from "@/lib/dal/sessions/internal/assurance";
import { consumeSecondFactor, type SecondFactorMethod } from "./second-factor-check";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { createSession } from "@/lib/dal/sessions/sessions";
import { recordCompletedSignIn } from "@/lib/dal/sessions/sign-in-completion";
import type { RequestContext } from "@/lib/context/request-context";

export type ChallengeResult =
  /** `deviceCookie`: the signed device cookie to set now that the sign-in is complete. */
  | { ok: true; token: string; persistent: boolean; recoveryCodesLeft: number | null; deviceCookie: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  /** The rate-limit store could not be asked: the client did nothing wrong. */
  | { ok: false; reason: "unavailable" };

const securityLink = () => `${env.SITE_URL}/account/security`;

/**
 * Completes a sign-in that passed the password: the code must belong to the
 * account whose password was verified (the pending session names it). On
 * success the pending session ends and a new one, with a new token, begins
 * (a new session id on every change of privilege), recording that it was
 * opened with the password and this second factor. A recovery code also ends
 * every other session of the account.
 */
export async function completeSecondFactor(
  pending: ActiveSession,
  input: { method: SecondFactorMethod; code: string; deviceId: string; trustedDeviceCookie?: string | null; context: RequestContext },
): Promise<ChallengeResult> {
  const attempt = { email: pending.user.email, ip: input.context.ip };
  const gate = await twoFactorThrottle().check(attempt);
  // A store failure is "unavailable", never "throttled": the client did not try too often.
  if (!gate.allowed && gate.scope === "store") return { ok: false, reason: "unavailable" };
  if (!gate.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };

  const result = await consumeSecondFactor(pending.userId, input.method, input.code);
  if (!result.ok) {
    await twoFactorThrottle().recordFailure(attempt);
    await recordFailure(pending, input);
    return { ok: false, reason: "invalid" };
  }
  await twoFactorThrottle().recordSuccess(attempt);

  return db.$transaction(async (tx) => {
    await lockAccount(tx, pending.userId);
    // The challenge must still be open: not revoked meanwhile (a reset, "sign out everywhere") nor completed twice.
    const ended = await tx.session.updateMany({
      where: { id: pending.sessionId, revokedAt: null, secondFactorVerifiedAt: null },
      data: { revokedAt: new Date(), revokedReason: "second_factor_completed" },
    });
    if (ended.count !== 1) return { ok: false as const, reason: "invalid" as const };
    const session = await createSession(tx, {
      userId: pending.userId,
      audience: pending.audience,
      persistent: pending.persistent,
      context: input.context,
      method: methodWithSecondFactor(input.method),
      passwordVerifiedAt: pending.assurance.passwordVerifiedAt ?? undefined,
    });
    const user = { id: pending.userId, name: pending.user.name, email: pending.user.email };
    await recordCompletedSignIn(tx, {
      user,
      sessionId: session.sessionId,
      persistent: pending.persistent,
      deviceId: input.deviceId,
      secondFactor: input.method,
      context: input.context,
    });
    if (result.recoveryCodesLeft !== null) {
      await recordRecoveryCodeUse(tx, { user, keepSessionId: session.sessionId, remaining: result.recoveryCodesLeft, context: input.context });
    }
    const deviceCookie = issueDeviceCookie(input.trustedDeviceCookie, user.email);
    const { recoveryCodesLeft } = result;
    return { ok: true as const, token: session.token, persistent: pending.persistent, recoveryCodesLeft, deviceCookie };
  });
}

/** Records a failed code; the first failure of a challenge also alerts the owner by mail (OWASP MFA). */
async function recordFailure(pending: ActiveSession, input: { method: SecondFactorMethod; context: RequestContext }) {
  await db.$transaction(async (tx) => {
    const earlier = await tx.securityEvent.count({
      where: { userId: pending.userId, type: "two_factor_failed", details: { path: ["sessionId"], equals: pending.sessionId } },
    });
    await recordSecurityEvent(tx, {
      type: "two_factor_failed",
      userId: pending.userId,
      context: input.context,
      details: { sessionId: pending.sessionId, method: input.method },
    });
    if (earlier === 0) {
      const mail = twoFactorFailed({ name: pending.user.name, securityLink: securityLink() });
      await enqueueJob(tx, "mail", { to: pending.user.email, ...mail });
    }
  });
}
