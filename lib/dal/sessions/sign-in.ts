import "server-only";
import { issueDeviceCookie, trustedDeviceKey } from "@/lib/auth/device-cookie";
import { hashPassword, PasswordHasherBusyError, verifyDummyPassword, verifyPassword } from "@/lib/auth/password/hashing";
import type { ThrottleDecision } from "@/lib/auth/rate-limit/decision";
import { checkSignIn, recordSignInFailure, recordSignInSuccess, type SignInAttempt } from "@/lib/auth/rate-limit/sign-in-throttle";
import { acquireSignInSlot } from "@/lib/auth/rate-limit/sign-in-slots";
import { hashToken, isWellFormedToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { passBotGate } from "@/lib/dal/bot-defence/bot-gate";
import { recordCompletedSignIn } from "./sign-in-completion";
import { createSession } from "./sessions";
import type { RequestContext } from "@/lib/context/request-context";

export type SignInInput = {
  email: string;
  password: string;
  persistent: boolean;
  /** The browser's device cookie, to recognise returning devices. */
  deviceId: string;
  /** The browser's signed device cookie: with a valid entry for this email, the attempt is throttled on that device's own budget. */
  trustedDeviceCookie?: string | null;
  /** A session cookie the browser already had: it is ended, so a session id is never reused (V7.2.4). */
  previousToken: string | null;
  /** The solved proof-of-work challenge the form sent, if any (needed only while an alert is open; see passBotGate). */
  botChallenge?: unknown;
  context: RequestContext;
};

export type SignInResult =
  /** `deviceCookie`: the signed device cookie to set once the sign-in is complete (null while a second factor is pending). */
  | { ok: true; token: string; userId: string; deviceCookie: string | null }
  | { ok: false; reason: "invalid" }
  /** The right password, but the owner reported the account as taken over: only a reset opens it again. */
  | { ok: false; reason: "reset_required" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  /** The rate-limit store could not be asked: the client did nothing wrong. */
  | { ok: false; reason: "unavailable" }
  /** A detection rule's alert is open for this client or account: a solved challenge is needed first. */
  | { ok: false; reason: "challenge_required" | "challenge_invalid" }
  | { ok: false; reason: "busy" };

/** A store failure is "unavailable", never "throttled": the client did not try too often. */
function refusal(decision: Exclude<ThrottleDecision, { allowed: true }>): SignInResult {
  if (decision.scope === "store") return { ok: false, reason: "unavailable" };
  return { ok: false, reason: "throttled", retryAfterSeconds: decision.retryAfterSeconds };
}

/**
 * Verifies a password sign-in and opens a session. The answer for an unknown
 * email and for a wrong password is the same, and costs the same time (a dummy
 * hash is verified), so sign-in cannot be used to find accounts.
 */
export async function signInWithPassword(input: SignInInput): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const attempt = { email, ip: input.context.ip, trustedDevice: trustedDeviceKey(input.trustedDeviceCookie, email) };
  // One verification at a time per account (or trusted device): parallel guesses cannot outrun the counters.
  const slot = await acquireSignInSlot(attempt);
  if (!slot.decision.allowed) return refusal(slot.decision);
  try {
    return await verifyAndOpenSession(input, attempt);
  } finally {
    await slot.release();
  }
}

async function verifyAndOpenSession(input: SignInInput, attempt: SignInAttempt & { email: string }): Promise<SignInResult> {
  const { email } = attempt;
  const gate = await checkSignIn(attempt);
  if (!gate.allowed) return refusal(gate);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, passwordHash: true, kind: true, totpEnabledAt: true, deactivatedAt: true, passwordResetRequiredAt: true },
  });
  // Before the password is tried: a client under an alert gets no guess without the work.
  // (That an account is under an alert shows only to those who try it, while staff look into it.)
  const botGate = await passBotGate({ action: "sign_in", payload: input.botChallenge, userId: user?.id ?? null, context: input.context });
  if (!botGate.ok) return { ok: false, reason: botGate.code };
  let verdict: { valid: boolean; needsRehash: boolean };
  try {
    verdict = user ? await verifyPassword(user.passwordHash, input.password) : { valid: false, needsRehash: false };
    if (!user) await verifyDummyPassword(input.password);
  } catch (error) {
    if (error instanceof PasswordHasherBusyError) return { ok: false, reason: "busy" };
    throw error;
  }

  // A deactivated staff account answers exactly like a wrong password: nothing to learn from it.
  if (!user || !verdict.valid || user.deactivatedAt) {
    const next = await recordSignInFailure(attempt);
    await db.$transaction(async (tx) => {
      const reason = !user ? "unknown_account" : user.deactivatedAt ? "deactivated" : "wrong_password";
      const details = { reason, ...(input.context.country ? { country: input.context.country } : {}) };
      await recordSecurityEvent(tx, { type: "sign_in_failed", userId: user?.id ?? null, context: input.context, details });
      if (!next.allowed) {
        await recordSecurityEvent(tx, {
          type: "sign_in_throttled",
          userId: user?.id ?? null,
          context: input.context,
          details: { scope: next.scope, retryAfterSeconds: next.retryAfterSeconds },
        });
      }
    });
    return { ok: false, reason: "invalid" };
  }

  // Told only to someone who knows the password; neither a guess to count nor a success to reward.
  if (user.passwordResetRequiredAt) {
    await db.$transaction((tx) =>
      recordSecurityEvent(tx, { type: "sign_in_failed", userId: user.id, context: input.context, details: { reason: "password_reset_required" } }),
    );
    return { ok: false, reason: "reset_required" };
  }

  await recordSignInSuccess(attempt);
  // Parameters were raised since this hash was made: store a fresh one now that the password is known.
  const upgradedHash = verdict.needsRehash ? await hashPassword(input.password) : null;
  return db.$transaction(async (tx) => {
    if (upgradedHash) await tx.user.update({ where: { id: user.id }, data: { passwordHash: upgradedHash } });
    if (input.previousToken && isWellFormedToken(input.previousToken)) {
      await tx.session.updateMany({
        where: { tokenHash: hashToken(input.previousToken), revokedAt: null },
        data: { revokedAt: new Date(), revokedReason: "replaced_at_sign_in" },
      });
    }
    const audience = user.kind === "staff" ? "staff" : "customer";
    // With two-factor on, the password opens only a pending session: it grants nothing until the code.
    const secondFactorPending = user.totpEnabledAt !== null;
    const session = await createSession(tx, {
      userId: user.id,
      audience,
      persistent: input.persistent,
      context: input.context,
      secondFactorPending,
    });
    if (!secondFactorPending) {
      await recordCompletedSignIn(tx, {
        user: { id: user.id, name: user.name, email },
        sessionId: session.sessionId,
        persistent: input.persistent,
        deviceId: input.deviceId,
        secondFactor: null,
        context: input.context,
      });
    }
    // The device cookie marks a completed sign-in: with two-factor on, it is issued after the code.
    const deviceCookie = secondFactorPending ? null : issueDeviceCookie(input.trustedDeviceCookie, email);
    return { ok: true as const, token: session.token, userId: user.id, deviceCookie };
  });
}
