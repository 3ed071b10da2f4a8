import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { generateToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { issueAccountToken } from "@/lib/dal/accounts/internal/tokens";
import { completePasswordReset } from "@/lib/dal/accounts/password-reset";
import { type ActiveSession, createSession, findActiveSession } from "@/lib/dal/sessions/sessions";
import { signInWithPassword } from "@/lib/dal/sessions/sign-in";
import { reauthenticate, type StepUpMethod } from "./step-up";
import { currentStep, codeAt, freshStep, enrolThroughRealFlow, throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";

requireTestDatabaseUrl();

const PASSWORD = "correct horse battery staple 42";
const NEW_PASSWORD = "a brand new passphrase 2025";
const hour = 3_600_000;

const { users, newContext } = throttledTestUsers({ name: "Step-up Tester", userAgent: "vitest step-up" });



/** Moves every proof of a factor in this session an hour back, out of the step-up window. */
async function makeStale(token: string) {
  const { sessionId } = await session(token);
  await db.$executeRaw`UPDATE "Session" SET "passwordVerifiedAt" = "passwordVerifiedAt" - ${hour} * interval '1 millisecond',
    "secondFactorVerifiedAt" = "secondFactorVerifiedAt" - ${hour} * interval '1 millisecond' WHERE id = ${sessionId}`;
}

/** A user with PASSWORD and a full session whose last proof of a factor was an hour ago. */
async function signedInUser() {
  const user = await users.createUser({ passwordHash: await hashPassword(PASSWORD) });
  const { token } = await db.$transaction((tx) =>
    createSession(tx, { userId: user.id, audience: "customer", persistent: false, context: newContext() }),
  );
  await makeStale(token);
  return { user, token };
}

/**
 * Two-factor on through the real flow (see enrolThroughRealFlow), which needs
 * a recent password: the session proves it again first, and afterwards every
 * proof (enrolment proved the new factor too) is an hour old again.
 */
async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await db.session.updateMany({ where: { id: (await session(token)).sessionId }, data: { passwordVerifiedAt: new Date() } });
  const enrolled = await enrolThroughRealFlow(await session(token), newContext());
  await makeStale(token);
  return enrolled;
}

async function session(token: string): Promise<ActiveSession> {
  const found = await findActiveSession(token);
  if (!found) throw new Error("no active session");
  return found;
}

async function stepUp(token: string, method: StepUpMethod, secret: string, context = newContext()) {
  return reauthenticate(await session(token), { method, secret, context });
}

const reauthenticatedAt = async (token: string) => (await session(token)).reauthenticatedAt?.getTime() ?? 0;

const reauthEvents = (userId: string) =>
  db.securityEvent.findMany({ where: { userId, type: "reauthenticated" }, orderBy: { createdAt: "asc" } });

function signIn(email: string, password: string) {
  return signInWithPassword({ email, password, persistent: false, deviceId: generateToken(), previousToken: null, context: newContext() });
}

describe("reauthenticate with two-factor on", () => {
  it("refuses the password, even the right one", async () => {
    const { user, token } = await signedInUser();
    await enrol(token);
    const before = await reauthenticatedAt(token);

    await expect(stepUp(token, "password", PASSWORD)).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(reauthenticatedAt(token)).resolves.toBe(before);
    await expect(reauthEvents(user.id)).resolves.toHaveLength(0);
  });

  it("accepts a fresh TOTP code once, stamps the session and records it", async () => {
    const { user, token } = await signedInUser();
    const { secret } = await enrol(token);
    const before = await reauthenticatedAt(token);
    await freshStep();
    const code = codeAt(secret, currentStep());
    const start = Date.now();

    await expect(stepUp(token, "totp", code)).resolves.toEqual({ ok: true });
    const after = await reauthenticatedAt(token);
    expect(after).toBeGreaterThan(before);
    expect(after).toBeGreaterThanOrEqual(start - 1000);
    const recorded = await reauthEvents(user.id);
    expect(recorded.map((event) => event.details)).toEqual([{ method: "totp" }]);

    // The code is spent: a second step-up with it fails and changes nothing.
    await expect(stepUp(token, "totp", code)).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(reauthenticatedAt(token)).resolves.toBe(after);
    await expect(reauthEvents(user.id)).resolves.toHaveLength(1);
  });

  it("accepts a recovery code and spends it", async () => {
    const { user, token } = await signedInUser();
    const { recoveryCodes } = await enrol(token);
    const before = await reauthenticatedAt(token);

    await expect(stepUp(token, "recovery_code", recoveryCodes[0] ?? "")).resolves.toEqual({ ok: true });
    await expect(reauthenticatedAt(token)).resolves.toBeGreaterThan(before);
    await expect(db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).resolves.toBe(9);
    await expect(stepUp(token, "recovery_code", recoveryCodes[0] ?? "")).resolves.toEqual({ ok: false, reason: "invalid" });
  });

  it("is throttled after 5 wrong codes from one address", async () => {
    const { token } = await signedInUser();
    const { secret } = await enrol(token);
    const context = newContext();
    for (let i = 0; i < 5; i += 1) {
      await expect(stepUp(token, "totp", "000000", context)).resolves.toMatchObject({ ok: false });
    }
    await freshStep();
    await expect(stepUp(token, "totp", codeAt(secret, currentStep()), context)).resolves.toMatchObject({
      ok: false,
      reason: "throttled",
    });
  });
});

describe("reauthenticate without two-factor", () => {
  it("refuses second-factor methods and wrong passwords, and accepts the right password", async () => {
    const { user, token } = await signedInUser();
    const before = await reauthenticatedAt(token);

    await expect(stepUp(token, "totp", "123456")).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(stepUp(token, "recovery_code", "abcd-efgh-jkmn-pqrs")).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(stepUp(token, "password", "not the password")).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(reauthenticatedAt(token)).resolves.toBe(before);
    await expect(reauthEvents(user.id)).resolves.toHaveLength(0);

    await expect(stepUp(token, "password", PASSWORD)).resolves.toEqual({ ok: true });
    await expect(reauthenticatedAt(token)).resolves.toBeGreaterThan(before);
    const recorded = await reauthEvents(user.id);
    expect(recorded.map((event) => event.details)).toEqual([{ method: "password" }]);
    expect(JSON.stringify(recorded)).not.toContain(PASSWORD);
  });
});

describe("completePasswordReset with two-factor on", () => {
  it("leaves two-factor on: the new password opens only a pending session", async () => {
    const { user, token } = await signedInUser();
    await enrol(token);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
    const link = await db.$transaction((tx) => issueAccountToken(tx, { userId: user.id, purpose: "reset_password", email: user.email }));

    await expect(completePasswordReset({ token: link, passwordHash: await hashPassword(NEW_PASSWORD), context: newContext() })).resolves.toBe(
      true,
    );
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
    expect(after).toEqual(before);
    expect(after.totpEnabledAt).not.toBeNull();
    await expect(findActiveSession(token)).resolves.toBeNull();

    await expect(signIn(user.email, PASSWORD)).resolves.toEqual({ ok: false, reason: "invalid" });
    const result = await signIn(user.email, NEW_PASSWORD);
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    await expect(findActiveSession(result.token)).resolves.toMatchObject({ secondFactorPending: true, reauthenticatedAt: null });
    await expect(db.securityEvent.count({ where: { userId: user.id, type: "sign_in_succeeded" } })).resolves.toBe(0);
  });
});
