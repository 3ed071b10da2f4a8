import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { generateToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { changePassword } from "@/lib/dal/accounts/settings";
import { completeSecondFactor } from "@/lib/dal/two-factor/second-factor";
import { type ActiveSession, findActiveSession } from "./sessions";
import { signInWithPassword } from "./sign-in";
import { codeAt, currentStep, enrolThroughRealFlow, freshStep, throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";
import { reauthenticate } from "@/lib/dal/two-factor/step-up";
import { disableTwoFactor, regenerateRecoveryCodes } from "@/lib/dal/two-factor/settings";

requireTestDatabaseUrl();

/**
 * A second factor belongs to the session, not the account: two sessions of one
 * account, one opened with the password alone before the other enrols.
 */
const PASSWORD = "correct horse battery staple 42";
const { users, newContext } = throttledTestUsers({ name: "Assurance Tester", userAgent: "vitest session assurance" });

async function signIn(email: string): Promise<{ token: string; session: ActiveSession | null }> {
  const result = await signInWithPassword({ email, password: PASSWORD, persistent: false, deviceId: generateToken(), previousToken: null, context: newContext() });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return { token: result.token, session: await findActiveSession(result.token) };
}

async function live(token: string): Promise<ActiveSession> {
  const session = await findActiveSession(token);
  if (!session) throw new Error("no active session");
  return session;
}

/** An account without two-factor, signed in twice with its password: A (say, a stolen session) and B (the owner's). */
async function twoPasswordSessions(kind: "customer" | "staff" = "customer") {
  const user = await users.createUser({ passwordHash: await hashPassword(PASSWORD), kind });
  const a = await signIn(user.email);
  const b = await signIn(user.email);
  if (!a.session || !b.session) throw new Error("expected two full sessions");
  return { user, a: { token: a.token, session: a.session }, b: { token: b.token, session: b.session } };
}

const totpOn = (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } }).then((u) => u.totpEnabledAt !== null);

/**
 * Puts session A back as it would be had its sign-in committed just after the
 * enrolment ended the account's other sessions: a password-only session of an
 * account that now has two-factor on.
 */
const surviveEnrolment = (sessionId: string) => db.session.update({ where: { id: sessionId }, data: { revokedAt: null, revokedReason: null } });

describe("two-factor turned on in another session", () => {
  it("ends the password-only session, keeps the enrolling one (now password + TOTP) and records it", async () => {
    const { user, a, b } = await twoPasswordSessions();
    await enrolThroughRealFlow(b.session, newContext());

    await expect(findActiveSession(a.token)).resolves.toBeNull();
    expect(a.session.assurance).toMatchObject({ method: "password", secondFactorVerifiedAt: null });
    const rowA = await db.session.findUniqueOrThrow({ where: { id: a.session.sessionId } });
    expect(rowA.revokedReason).toBe("two_factor_enabled");
    const enrolling = await live(b.token);
    expect(enrolling.secondFactorPending).toBe(false);
    expect(enrolling.assurance).toMatchObject({ method: "password_totp", secondFactorVerifiedAt: expect.any(Date) });
    const revoked = await db.securityEvent.findMany({ where: { userId: user.id, type: "sessions_revoked" } });
    expect(revoked.map((event) => event.details)).toEqual([{ scope: "others", ended: 1, reason: "two_factor_enabled" }]);
  });

  it("refuses to let the password-only session turn two-factor off or replace the recovery codes", async () => {
    const { user, a, b } = await twoPasswordSessions();
    const { recoveryCodes } = await enrolThroughRealFlow(b.session, newContext());

    // A request from A that began before the enrolment still holds A's session as it was then.
    const disabled = await disableTwoFactor(a.session, newContext());
    await expect(totpOn(user.id)).resolves.toBe(true);
    expect(disabled).toBe(false);
    await expect(regenerateRecoveryCodes(a.session, newContext())).resolves.toBeNull();
    await expect(db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).resolves.toBe(recoveryCodes.length);
    await expect(db.securityEvent.count({ where: { userId: user.id, type: "two_factor_disabled" } })).resolves.toBe(0);
  });

  it("treats a password-only session that outlived the enrolment as owing the second factor: no step-up by password, no 2FA changes", async () => {
    const { user, a, b } = await twoPasswordSessions();
    await enrolThroughRealFlow(b.session, newContext());
    await surviveEnrolment(a.session.sessionId);

    const stale = await live(a.token);
    expect(stale).toMatchObject({ secondFactorPending: true, reauthenticatedAt: null });
    await expect(reauthenticate(stale, { method: "password", secret: PASSWORD, context: newContext() })).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(disableTwoFactor(stale, newContext())).resolves.toBe(false);
    await expect(regenerateRecoveryCodes(stale, newContext())).resolves.toBeNull();
    await expect(changePassword(stale, { newPassword: "another long passphrase 77", context: newContext() })).resolves.toBe(false);
    await expect(totpOn(user.id)).resolves.toBe(true);
  });

  it("lets that session become a full one only by answering the challenge, which opens a new password + TOTP session", async () => {
    const { a, b } = await twoPasswordSessions();
    const { secret } = await enrolThroughRealFlow(b.session, newContext());
    await surviveEnrolment(a.session.sessionId);
    await freshStep();

    const result = await completeSecondFactor(await live(a.token), { method: "totp", code: codeAt(secret, currentStep()), deviceId: generateToken(), context: newContext() });
    if (!result.ok) throw new Error("challenge refused");
    await expect(findActiveSession(a.token)).resolves.toBeNull();
    await expect(live(result.token)).resolves.toMatchObject({ secondFactorPending: false, assurance: { method: "password_totp" } });
  });
});

describe("two-factor turned off", () => {
  it("needs a session that proved the second factor recently, and then ends the account's other sessions", async () => {
    const { user, a, b } = await twoPasswordSessions();
    await enrolThroughRealFlow(b.session, newContext());
    const other = await signIn(user.email); // pending: owes the code
    await surviveEnrolment(a.session.sessionId);

    // The enrolling session proved the code a moment ago: it may turn two-factor off.
    await expect(disableTwoFactor(await live(b.token), newContext())).resolves.toBe(true);
    await expect(totpOn(user.id)).resolves.toBe(false);
    await expect(findActiveSession(a.token)).resolves.toBeNull();
    await expect(findActiveSession(other.token)).resolves.toBeNull();
    await expect(findActiveSession(b.token)).resolves.not.toBeNull();
  });

  it("is refused when the second factor was proven longer ago than the step-up window", async () => {
    const { user, b } = await twoPasswordSessions();
    await enrolThroughRealFlow(b.session, newContext());
    await db.session.update({ where: { id: b.session.sessionId }, data: { secondFactorVerifiedAt: new Date(Date.now() - 3_600_000) } });
    await expect(disableTwoFactor(await live(b.token), newContext())).resolves.toBe(false);
    await expect(totpOn(user.id)).resolves.toBe(true);
  });
});

describe("a recovery code", () => {
  it("used at sign-in ends every other session of the account and opens a password + recovery-code session", async () => {
    const { user, b } = await twoPasswordSessions();
    const { recoveryCodes } = await enrolThroughRealFlow(b.session, newContext());
    const pending = await signIn(user.email);
    if (!pending.session?.secondFactorPending) throw new Error("expected a pending session");

    const result = await completeSecondFactor(pending.session, { method: "recovery_code", code: recoveryCodes[0] ?? "", deviceId: generateToken(), context: newContext() });
    if (!result.ok) throw new Error("recovery code refused");
    await expect(findActiveSession(b.token)).resolves.toBeNull();
    await expect(live(result.token)).resolves.toMatchObject({ assurance: { method: "password_recovery_code" } });
    const revoked = await db.securityEvent.findMany({ where: { userId: user.id, type: "sessions_revoked" } });
    expect(revoked.map((event) => event.details)).toContainEqual({ scope: "others", ended: 1, reason: "recovery_code_used" });
  });

  it("used at step-up ends every other session but the one stepping up", async () => {
    const { user, b } = await twoPasswordSessions();
    const { recoveryCodes, secret } = await enrolThroughRealFlow(b.session, newContext());
    const pending = await signIn(user.email);
    if (!pending.session) throw new Error("expected a pending session");
    await freshStep();
    const second = await completeSecondFactor(pending.session, { method: "totp", code: codeAt(secret, currentStep()), deviceId: generateToken(), context: newContext() });
    if (!second.ok) throw new Error("challenge refused");

    await expect(reauthenticate(await live(b.token), { method: "recovery_code", secret: recoveryCodes[1] ?? "", context: newContext() })).resolves.toEqual({ ok: true });
    await expect(findActiveSession(second.token)).resolves.toBeNull();
    await expect(findActiveSession(b.token)).resolves.not.toBeNull();
  });
});

describe("a password change", () => {
  it("always ends the account's other sessions and keeps the current one", async () => {
    const { user, a, b } = await twoPasswordSessions();
    await expect(changePassword(b.session, { newPassword: "another long passphrase 77", context: newContext() })).resolves.toBe(true);
    await expect(findActiveSession(a.token)).resolves.toBeNull();
    await expect(findActiveSession(b.token)).resolves.not.toBeNull();
    const changed = await db.securityEvent.findMany({ where: { userId: user.id, type: "password_changed" } });
    expect(changed.map((event) => event.details)).toEqual([{ sessionsEnded: 1 }]);
  });
});
