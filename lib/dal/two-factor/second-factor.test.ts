import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { completeSecondFactor } from "./second-factor";
import { type ActiveSession, createSession, findActiveSession } from "@/lib/dal/sessions/sessions";
import { signInWithPassword } from "@/lib/dal/sessions/sign-in";
import { currentStep, codeAt, freshStep, enrolThroughRealFlow, throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";

requireTestDatabaseUrl();

const PASSWORD = "correct horse battery staple 42";
const minute = 60_000;

const { users, newContext } = throttledTestUsers({ name: "Second-factor Tester", userAgent: "vitest second-factor" });


/** A 6-digit code that no step of the accepted window (now ±1) produces. */
function wrongCode(secret: string, seed = 0): string {
  const step = currentStep();
  const valid = new Set([step - 2, step - 1, step, step + 1, step + 2].map((s) => codeAt(secret, s)));
  for (let n = 123_456 + seed * 7919; ; n += 1) {
    const candidate = String(n % 1_000_000).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}


/** A user with PASSWORD and two-factor on, enrolled through the real flow. */
async function enrolledUser() {
  const user = await users.createUser({ passwordHash: await hashPassword(PASSWORD) });
  const { token } = await db.$transaction((tx) =>
    createSession(tx, { userId: user.id, audience: "customer", persistent: false, context: newContext() }),
  );
  const viewer = await findActiveSession(token);
  if (!viewer) throw new Error("no session");
  return { user, ...(await enrolThroughRealFlow(viewer, newContext())) };
}

/** Signs in with PASSWORD: with two-factor on, that opens a pending session. */
async function signIn(email: string, password = PASSWORD): Promise<{ token: string; session: ActiveSession | null }> {
  const result = await signInWithPassword({
    email,
    password,
    persistent: true,
    deviceId: generateToken(),
    previousToken: null,
    context: newContext(),
  });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return { token: result.token, session: await findActiveSession(result.token) };
}

async function pendingSession(email: string): Promise<{ token: string; session: ActiveSession }> {
  const { token, session } = await signIn(email);
  if (!session?.secondFactorPending) throw new Error("expected a pending session");
  return { token, session };
}

function complete(session: ActiveSession, code: string, options: { method?: "totp" | "recovery_code"; context?: { ip: string; userAgent: string } } = {}) {
  return completeSecondFactor(session, {
    method: options.method ?? "totp",
    code,
    deviceId: generateToken(),
    context: options.context ?? newContext(),
  });
}

function events(userId: string, type: "sign_in_succeeded" | "two_factor_failed" | "recovery_code_used") {
  return db.securityEvent.findMany({ where: { userId, type }, orderBy: { createdAt: "asc" } });
}

async function mailSubjectsTo(email: string): Promise<string[]> {
  const jobs: Array<{ data: { subject: string } }> = await db.$queryRaw`SELECT data FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${email}`;
  return jobs.map((job) => job.data.subject);
}

describe("signInWithPassword with two-factor on", () => {
  it("opens only a short-lived pending session and records no sign-in yet", async () => {
    const { user } = await enrolledUser();
    const before = Date.now();
    const { token, session } = await signIn(user.email);

    expect(session?.userId).toBe(user.id);
    expect(session?.secondFactorPending).toBe(true);
    expect(session?.reauthenticatedAt).toBeNull();
    expect(session?.user.twoFactorEnabled).toBe(true);
    const row = await db.session.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    // TWO_FACTOR_CHALLENGE_MINUTES (10), even though "Remember me" was ticked.
    expect(row.absoluteExpiresAt.getTime()).toBeGreaterThanOrEqual(before + 10 * minute);
    expect(row.absoluteExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 10 * minute);
    expect(row.idleExpiresAt.getTime()).toBeLessThanOrEqual(row.absoluteExpiresAt.getTime());

    await expect(events(user.id, "sign_in_succeeded")).resolves.toHaveLength(0);
    await expect(db.knownDevice.count({ where: { userId: user.id } })).resolves.toBe(0);
  });

  it("does not extend a pending session, and an expired challenge is gone", async () => {
    const { user } = await enrolledUser();
    const { token } = await pendingSession(user.email);
    const tokenHash = hashToken(token);
    const row = await db.session.update({ where: { tokenHash }, data: { lastSeenAt: new Date(Date.now() - 5 * minute) } });
    await expect(findActiveSession(token)).resolves.not.toBeNull();
    const after = await db.session.findUniqueOrThrow({ where: { tokenHash } });
    expect(after.idleExpiresAt).toEqual(row.idleExpiresAt);

    await db.session.update({ where: { tokenHash }, data: { idleExpiresAt: new Date(Date.now() - 1000) } });
    await expect(findActiveSession(token)).resolves.toBeNull();
    await db.session.update({
      where: { tokenHash },
      data: { idleExpiresAt: new Date(Date.now() + minute), absoluteExpiresAt: new Date(Date.now() - 1000) },
    });
    await expect(findActiveSession(token)).resolves.toBeNull();
  });
});

describe("completeSecondFactor", () => {
  it("refuses a wrong code, records it, and alerts once per challenge", async () => {
    const { user, secret } = await enrolledUser();
    const { token, session } = await pendingSession(user.email);

    await expect(complete(session, wrongCode(secret, 1))).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(complete(session, wrongCode(secret, 2))).resolves.toEqual({ ok: false, reason: "invalid" });

    const failed = await events(user.id, "two_factor_failed");
    expect(failed.map((event) => event.details)).toEqual([
      { sessionId: session.sessionId, method: "totp" },
      { sessionId: session.sessionId, method: "totp" },
    ]);
    expect((await mailSubjectsTo(user.email)).filter((subject) => subject.startsWith("Someone entered your password"))).toHaveLength(1);
    // The challenge is still open, and nothing was granted (the one full session is enrolledUser's own).
    await expect(findActiveSession(token)).resolves.toMatchObject({ secondFactorPending: true });
    await expect(db.session.count({ where: { userId: user.id, secondFactorPending: false, revokedAt: null } })).resolves.toBe(1);
    await expect(events(user.id, "sign_in_succeeded")).resolves.toHaveLength(0);

    // A new challenge that fails alerts again.
    const next = await pendingSession(user.email);
    await complete(next.session, wrongCode(secret, 3));
    expect((await mailSubjectsTo(user.email)).filter((subject) => subject.startsWith("Someone entered your password"))).toHaveLength(2);
  });

  it("accepts the right code: a new session replaces the pending one", async () => {
    const { user, secret } = await enrolledUser();
    const { token, session } = await pendingSession(user.email);
    await freshStep();
    const step = currentStep();

    const result = await complete(session, codeAt(secret, step));
    if (!result.ok) throw new Error(`second factor refused: ${result.reason}`);
    expect(result.token).not.toBe(token);
    expect(result.persistent).toBe(true);
    expect(result.recoveryCodesLeft).toBeNull();

    await expect(findActiveSession(token)).resolves.toBeNull();
    const old = await db.session.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(old.revokedReason).toBe("second_factor_completed");
    const fresh = await findActiveSession(result.token);
    expect(fresh?.userId).toBe(user.id);
    expect(fresh?.secondFactorPending).toBe(false);
    expect(fresh?.reauthenticatedAt).toBeInstanceOf(Date);
    expect(fresh?.sessionId).not.toBe(session.sessionId);

    const succeeded = await events(user.id, "sign_in_succeeded");
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]?.details).toEqual({ sessionId: fresh?.sessionId, persistent: true, secondFactor: "totp" });
    const { totpLastStep } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpLastStep: true } });
    expect(totpLastStep).toBe(step);
  });

  it("never accepts a code twice, nor an older step after a newer one", async () => {
    const { user, secret } = await enrolledUser();
    await freshStep();
    const step = currentStep();
    const first = await pendingSession(user.email);
    expect((await complete(first.session, codeAt(secret, step + 1))).ok).toBe(true);

    const replay = await pendingSession(user.email);
    await expect(complete(replay.session, codeAt(secret, step + 1))).resolves.toEqual({ ok: false, reason: "invalid" });
    // The current step is inside the window and was never used, but it is older than the last step accepted.
    await expect(complete(replay.session, codeAt(secret, step))).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(findActiveSession(replay.token)).resolves.toMatchObject({ secondFactorPending: true });
  });

  it("lets only one of two concurrent uses of a code through", async () => {
    const { user, secret } = await enrolledUser();
    const a = await pendingSession(user.email);
    const b = await pendingSession(user.email);
    await freshStep();
    const code = codeAt(secret, currentStep());

    const results = await Promise.all([complete(a.session, code), complete(b.session, code)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "invalid" }]);
    await expect(events(user.id, "sign_in_succeeded")).resolves.toHaveLength(1);
  });

  it("accepts a recovery code once, as typed in capitals without hyphens", async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const code = recoveryCodes[3] ?? "";
    const typed = code.toUpperCase().replace(/-/g, "");
    expect(typed).toMatch(/^[0-9A-Z]{16}$/);

    const { session } = await pendingSession(user.email);
    const result = await complete(session, typed, { method: "recovery_code" });
    expect(result).toMatchObject({ ok: true, recoveryCodesLeft: 9 });
    await expect(db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).resolves.toBe(9);
    const used = await events(user.id, "recovery_code_used");
    expect(used.map((event) => event.details)).toEqual([{ remaining: 9 }]);
    expect(JSON.stringify(used)).not.toContain(code);
    const succeeded = await events(user.id, "sign_in_succeeded");
    expect(succeeded[0]?.details).toMatchObject({ secondFactor: "recovery_code" });
    expect((await mailSubjectsTo(user.email)).filter((subject) => subject.startsWith("A recovery code was used"))).toHaveLength(1);

    const again = await pendingSession(user.email);
    await expect(complete(again.session, typed, { method: "recovery_code" })).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(complete(again.session, code, { method: "recovery_code" })).resolves.toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses even the right code after 5 failures from one address", async () => {
    const { user, secret } = await enrolledUser();
    const { token, session } = await pendingSession(user.email);
    const context = newContext();
    for (let i = 1; i <= 5; i += 1) {
      await expect(complete(session, wrongCode(secret, i), { context })).resolves.toEqual({ ok: false, reason: "invalid" });
    }
    await freshStep();
    const code = codeAt(secret, currentStep());
    const sixth = await complete(session, code, { context });
    expect(sixth).toMatchObject({ ok: false, reason: "throttled" });
    expect(!sixth.ok && sixth.reason === "throttled" && sixth.retryAfterSeconds).toBeGreaterThan(0);
    await expect(findActiveSession(token)).resolves.toMatchObject({ secondFactorPending: true });
    await expect(events(user.id, "sign_in_succeeded")).resolves.toHaveLength(0);

    // The throttled attempt did not consume the code: the owner elsewhere can still use it.
    expect((await complete(session, code)).ok).toBe(true);
  });
});
