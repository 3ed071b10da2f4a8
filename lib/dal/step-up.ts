import "server-only";
import { verifyPassword } from "@/lib/auth/password/hashing";
import { twoFactorThrottle } from "@/lib/auth/two-factor/attempt-throttle";
import { db } from "@/lib/db";
import { consumeSecondFactor, type SecondFactorMethod } from "./second-factor-check";
import { type RequestContext, recordSecurityEvent } from "./security-events";
import type { ActiveSession } from "./sessions";

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
 * password. Success stamps the session, which counts as "recent" for a while.
 */
export async function reauthenticate(
  viewer: ActiveSession,
  input: { method: StepUpMethod; secret: string; context: RequestContext },
): Promise<StepUpResult> {
  if (viewer.user.twoFactorEnabled === (input.method === "password")) return { ok: false, reason: "invalid" };
  const attempt = { email: viewer.user.email, ip: input.context.ip };
  const gate = await twoFactorThrottle().check(attempt);
  // A store failure is "unavailable", never "throttled": the client did not try too often.
  if (!gate.allowed && gate.scope === "store") return { ok: false, reason: "unavailable" };
  if (!gate.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };

  const valid =
    input.method === "password"
      ? await passwordMatches(viewer.userId, input.secret)
      : (await consumeSecondFactor(viewer.userId, input.method, input.secret)).ok;
  if (!valid) {
    await twoFactorThrottle().recordFailure(attempt);
    return { ok: false, reason: "invalid" };
  }
  await twoFactorThrottle().recordSuccess(attempt);
  await db.$transaction(async (tx) => {
    await tx.session.update({ where: { id: viewer.sessionId }, data: { reauthenticatedAt: new Date() } });
    await recordSecurityEvent(tx, { type: "reauthenticated", userId: viewer.userId, context: input.context, details: { method: input.method } });
  });
  return { ok: true };
}

async function passwordMatches(userId: string, password: string): Promise<boolean> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return (await verifyPassword(user.passwordHash, password)).valid;
}
