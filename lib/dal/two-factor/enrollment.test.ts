import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { accountKey, ipKey } from "@/lib/auth/rate-limit/keys";
import { closeLimiterStore, defaultLimiterStore } from "@/lib/auth/rate-limit/store";
import { findMatchingRecoveryCode } from "@/lib/auth/two-factor/recovery-codes";
import { decryptField, FieldDecryptionError } from "@/lib/crypto/field-encryption";
import { generateToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { consumeSecondFactor } from "./second-factor-check";
import { type ActiveSession, createSession, findActiveSession } from "@/lib/dal/sessions/sessions";
import { signInWithPassword } from "@/lib/dal/sessions/sign-in";
import { testUsers } from "@/lib/dal/test-users";
import {
  confirmTwoFactorEnrollment,
  disableTwoFactor,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  startTwoFactorEnrollment,
} from "./settings";
import { codeAt, currentStep, enrolThroughRealFlow, freshStep } from "./sign-in-test-fixtures";

requireTestDatabaseUrl();

const PASSWORD = "correct horse battery staple 42";
// One address for the whole file: nothing here fails a throttled attempt.
const context = { ip: "203.0.113.61", userAgent: "vitest two-factor-enrollment" };
const users = testUsers({
  defaults: { name: "Enrolment Tester" },
  mailJobs: true,
  // Sign-in keys its counters by hashed email and hashed address: delete ours.
  cleanUp: async () => {
    const keys = [...users.emails.map(accountKey), ipKey(context.ip) ?? ""].filter((key) => key !== "");
    for (const key of keys) await db.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${`%${key}%`}`;
    await closeLimiterStore(defaultLimiterStore());
  },
});
const { createUser } = users;

const userPlace = (ownerId: string, field: "totpSecret" | "totpPendingSecret") => ({ model: "User", field, ownerId });


/** A user with PASSWORD and a signed-in (full) session. */
async function signedInUser(): Promise<{ user: { id: string; email: string }; viewer: ActiveSession }> {
  const user = await createUser({ passwordHash: await hashPassword(PASSWORD) });
  const { token } = await db.$transaction((tx) => createSession(tx, { userId: user.id, audience: "customer", persistent: false, context }));
  const viewer = await findActiveSession(token);
  if (!viewer) throw new Error("no session");
  return { user, viewer };
}

const enrol = (viewer: ActiveSession) => enrolThroughRealFlow(viewer, context);

const userRow = (id: string) =>
  db.user.findUniqueOrThrow({
    where: { id },
    select: { totpSecret: true, totpPendingSecret: true, totpEnabledAt: true, totpLastStep: true },
  });

const eventCount = (userId: string, type: "two_factor_enabled" | "two_factor_disabled" | "recovery_codes_regenerated") =>
  db.securityEvent.count({ where: { userId, type } });

async function mailSubjectsTo(email: string): Promise<string[]> {
  const jobs: Array<{ data: { subject: string } }> = await db.$queryRaw`SELECT data FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${email}`;
  return jobs.map((job) => job.data.subject);
}

describe("two-factor enrolment", () => {
  it("keeps the pending secret encrypted and shows it, with a QR code, only while enrolling", async () => {
    const { user, viewer } = await signedInUser();
    await expect(getTwoFactorStatus(viewer)).resolves.toEqual({ enabled: false, recoveryCodesLeft: 0, enrollment: null });

    await startTwoFactorEnrollment(viewer);
    const status = await getTwoFactorStatus(viewer);
    const secret = status.enrollment?.secret ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(status.enrollment?.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
    expect(status.enabled).toBe(false);

    const row = await userRow(user.id);
    expect(row.totpPendingSecret).toMatch(/^v2\./);
    expect(row.totpPendingSecret).not.toContain(secret);
    expect(decryptField(row.totpPendingSecret ?? "", userPlace(user.id, "totpPendingSecret"))).toBe(secret);
    expect(row.totpSecret).toBeNull();
    expect(row.totpEnabledAt).toBeNull();
  });

  it("refuses a wrong code and turns nothing on", async () => {
    const { user, viewer } = await signedInUser();
    await startTwoFactorEnrollment(viewer);
    const before = await userRow(user.id);
    const secret = (await getTwoFactorStatus(viewer)).enrollment?.secret ?? "";
    const step = currentStep();
    const valid = new Set([step - 1, step, step + 1].map((s) => codeAt(secret, s)));
    const wrong = ["000000", "111111", "222222"].find((code) => !valid.has(code)) ?? "";

    await expect(confirmTwoFactorEnrollment(viewer, { code: wrong, context })).resolves.toEqual({ ok: false });
    await expect(confirmTwoFactorEnrollment(viewer, { code: "not a code", context })).resolves.toEqual({ ok: false });
    await expect(userRow(user.id)).resolves.toEqual(before);
    await expect(db.recoveryCode.count({ where: { userId: user.id } })).resolves.toBe(0);
    await expect(eventCount(user.id, "two_factor_enabled")).resolves.toBe(0);
    await expect(mailSubjectsTo(user.email)).resolves.toEqual([]);
    expect((await getTwoFactorStatus(viewer)).enrollment?.secret).toBe(secret);
  });

  it("turns two-factor on with the right code and hands out 10 recovery codes once", async () => {
    const { user, viewer } = await signedInUser();
    await startTwoFactorEnrollment(viewer);
    const secret = (await getTwoFactorStatus(viewer)).enrollment?.secret ?? "";
    await freshStep();
    const step = currentStep();

    const result = await confirmTwoFactorEnrollment(viewer, { code: codeAt(secret, step), context });
    if (!result.ok) throw new Error("enrolment refused");
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);
    for (const code of result.recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);

    const row = await userRow(user.id);
    expect(row.totpSecret).toMatch(/^v2\./);
    expect(row.totpSecret).not.toContain(secret);
    expect(decryptField(row.totpSecret ?? "", userPlace(user.id, "totpSecret"))).toBe(secret);
    expect(row.totpPendingSecret).toBeNull();
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    expect(row.totpLastStep).toBe(step);

    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const { codeHash, usedAt } of stored) {
      expect(codeHash).toMatch(/^\$argon2id\$/);
      expect(usedAt).toBeNull();
      for (const code of result.recoveryCodes) expect(codeHash).not.toContain(code.replace(/-/g, ""));
    }
    await expect(findMatchingRecoveryCode(result.recoveryCodes[9] ?? "", stored)).resolves.not.toBeNull();

    await expect(eventCount(user.id, "two_factor_enabled")).resolves.toBe(1);
    expect((await mailSubjectsTo(user.email)).filter((subject) => subject.startsWith("Two-factor sign-in is on"))).toHaveLength(1);
    expect(JSON.stringify(await mailSubjectsTo(user.email))).not.toContain(result.recoveryCodes[0]);

    // The secret is never sent again, and enrolment cannot start over while it is on.
    await expect(getTwoFactorStatus(viewer)).resolves.toEqual({ enabled: true, recoveryCodesLeft: 10, enrollment: null });
    await startTwoFactorEnrollment(viewer).catch(() => undefined);
    await expect(userRow(user.id)).resolves.toEqual(row);
    await expect(confirmTwoFactorEnrollment(viewer, { code: codeAt(secret, step + 1), context })).resolves.toEqual({ ok: false });
  });

  it("binds the encrypted secret to its owner and field", async () => {
    const owner = await signedInUser();
    const { secret } = await enrol(owner.viewer);
    const other = await signedInUser();
    const { totpSecret } = await userRow(owner.user.id);
    if (!totpSecret) throw new Error("no secret stored");

    await db.user.update({ where: { id: other.user.id }, data: { totpSecret, totpEnabledAt: new Date() } });
    expect(() => decryptField(totpSecret, userPlace(other.user.id, "totpSecret"))).toThrow(FieldDecryptionError);
    expect(() => decryptField(totpSecret, userPlace(owner.user.id, "totpPendingSecret"))).toThrow(
      expect.objectContaining({ reason: "tampered" }),
    );
    // The copied secret does not let the owner's codes in to the other account.
    await freshStep();
    const outcome = await consumeSecondFactor(other.user.id, "totp", codeAt(secret, currentStep())).catch(() => ({ ok: false }));
    expect(outcome.ok).toBe(false);
  });
});

describe("disableTwoFactor", () => {
  it("clears the secret and recovery codes, records and mails, and sign-in needs only the password again", async () => {
    const { user, viewer } = await signedInUser();
    await enrol(viewer);
    await disableTwoFactor(viewer, context);

    await expect(userRow(user.id)).resolves.toEqual({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null });
    await expect(db.recoveryCode.count({ where: { userId: user.id } })).resolves.toBe(0);
    await expect(eventCount(user.id, "two_factor_disabled")).resolves.toBe(1);
    expect((await mailSubjectsTo(user.email)).filter((subject) => subject.startsWith("Two-factor sign-in was turned off"))).toHaveLength(1);

    const signIn = await signInWithPassword({
      email: user.email,
      password: PASSWORD,
      persistent: false,
      deviceId: generateToken(),
      previousToken: null,
      context,
    });
    if (!signIn.ok) throw new Error("sign-in failed");
    await expect(findActiveSession(signIn.token)).resolves.toMatchObject({ secondFactorPending: false });
  });
});

describe("regenerateRecoveryCodes", () => {
  it("replaces every code, used or not, and records it", async () => {
    const { user, viewer } = await signedInUser();
    const { recoveryCodes: old } = await enrol(viewer);
    const oldRows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    await db.recoveryCode.update({ where: { id: oldRows[0]?.id ?? "" }, data: { usedAt: new Date() } });

    const fresh = (await regenerateRecoveryCodes(viewer, context)) ?? [];
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => old.includes(code))).toEqual([]);

    const rows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    expect(rows.every((row) => row.usedAt === null)).toBe(true);
    const oldIds = new Set(oldRows.map((row) => row.id));
    expect(rows.filter((row) => oldIds.has(row.id))).toEqual([]);
    await expect(findMatchingRecoveryCode(old[1] ?? "", rows)).resolves.toBeNull();
    await expect(findMatchingRecoveryCode(old[2] ?? "", rows)).resolves.toBeNull();
    await expect(findMatchingRecoveryCode(fresh[4] ?? "", rows)).resolves.not.toBeNull();
    await expect(consumeSecondFactor(user.id, "recovery_code", old[3] ?? "")).resolves.toEqual({ ok: false });

    await expect(eventCount(user.id, "recovery_codes_regenerated")).resolves.toBe(1);
    await expect(getTwoFactorStatus(viewer)).resolves.toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
  });
});
