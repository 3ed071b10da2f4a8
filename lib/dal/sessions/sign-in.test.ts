import * as argon2 from "argon2";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import type { AccountKind } from "@/lib/generated/prisma/client";
import { findActiveSession } from "./sessions";
import { type SignInInput, type SignInResult, signInWithPassword } from "./sign-in";
import { throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";

requireTestDatabaseUrl();

const PASSWORD = "correct horse battery staple 42";
const minute = 60_000;

const { users, newContext } = throttledTestUsers({ name: "Sign-in Tester", userAgent: "vitest sign-in" });
const { newEmail } = users;

/** A customer (by default) whose password is PASSWORD, hashed with the current parameters. */
async function createUser(options: { passwordHash?: string; kind?: AccountKind } = {}) {
  return users.createUser({ passwordHash: options.passwordHash ?? (await hashPassword(PASSWORD)), kind: options.kind ?? "customer" });
}

function attempt(overrides: Partial<SignInInput> & { email: string }): Promise<SignInResult> {
  return signInWithPassword({
    password: PASSWORD,
    persistent: false,
    deviceId: generateToken(),
    previousToken: null,
    context: newContext(),
    ...overrides,
  });
}

function events(userId: string, type: "sign_in_succeeded" | "sign_in_failed" | "new_device_sign_in" | "sign_in_throttled") {
  return db.securityEvent.findMany({ where: { userId, type }, orderBy: { createdAt: "asc" } });
}

async function mailJobsTo(email: string): Promise<Array<{ data: { to: string; subject: string } }>> {
  return db.$queryRaw`SELECT data FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${email}`;
}

describe("signInWithPassword", () => {
  it("opens a session for the right password and records sign_in_succeeded", async () => {
    const user = await createUser();
    const result = await attempt({ email: user.email, persistent: true });
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    expect(result.userId).toBe(user.id);

    const session = await findActiveSession(result.token);
    expect(session?.userId).toBe(user.id);
    expect(session?.persistent).toBe(true);
    const row = await db.session.findUniqueOrThrow({ where: { tokenHash: hashToken(result.token) } });
    expect(row.userId).toBe(user.id);

    const succeeded = await events(user.id, "sign_in_succeeded");
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]?.details).toEqual({ sessionId: row.id, persistent: true, secondFactor: null });
    expect(JSON.stringify(succeeded)).not.toContain(result.token);
    expect(JSON.stringify(succeeded)).not.toContain(PASSWORD);
  });

  it("accepts the email in another case and with spaces", async () => {
    const user = await createUser();
    const result = await attempt({ email: `  ${user.email.toUpperCase()} ` });
    expect(result.ok).toBe(true);
  });

  it("answers a wrong password and an unknown email alike, and records both", async () => {
    const user = await createUser();
    const wrongContext = newContext();
    const wrong = await attempt({ email: user.email, password: "not the password at all", context: wrongContext });
    const unknownContext = newContext();
    const unknownEmail = newEmail();
    const unknown = await attempt({ email: unknownEmail, context: unknownContext });

    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });

    const wrongEvents = await events(user.id, "sign_in_failed");
    expect(wrongEvents).toHaveLength(1);
    expect(wrongEvents[0]?.ip).toBe(wrongContext.ip);
    expect(wrongEvents[0]?.details).toEqual({ reason: "wrong_password" });

    const unknownEvents = await db.securityEvent.findMany({ where: { type: "sign_in_failed", ip: unknownContext.ip } });
    expect(unknownEvents).toHaveLength(1);
    expect(unknownEvents[0]?.userId).toBeNull();
    expect(unknownEvents[0]?.details).toEqual({ reason: "unknown_account" });
    expect(JSON.stringify(unknownEvents)).not.toContain(unknownEmail);

    await expect(db.session.count({ where: { userId: user.id } })).resolves.toBe(0);
    await expect(events(user.id, "sign_in_succeeded")).resolves.toHaveLength(0);
  });

  it("upgrades a hash made with weaker Argon2 parameters", async () => {
    const weak = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(weak).toContain("m=4096,t=1,p=1");
    const user = await createUser({ passwordHash: weak });

    const result = await attempt({ email: user.email });
    expect(result.ok).toBe(true);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(passwordHash).not.toBe(weak);
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(argon2.verify(passwordHash, PASSWORD)).resolves.toBe(true);

    // The upgraded hash works, and is not re-hashed again.
    const again = await attempt({ email: user.email });
    expect(again.ok).toBe(true);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(after.passwordHash).toBe(passwordHash);
  });

  it("does not upgrade a weak hash on a wrong password", async () => {
    const weak = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    const user = await createUser({ passwordHash: weak });
    await expect(attempt({ email: user.email, password: "wrong wrong wrong" })).resolves.toEqual({ ok: false, reason: "invalid" });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(passwordHash).toBe(weak);
  });

  it("ends the session the browser already had (no session id reuse)", async () => {
    const user = await createUser();
    const first = await attempt({ email: user.email });
    if (!first.ok) throw new Error("first sign-in failed");
    const second = await attempt({ email: user.email, previousToken: first.token });
    if (!second.ok) throw new Error("second sign-in failed");

    expect(second.token).not.toBe(first.token);
    await expect(findActiveSession(first.token)).resolves.toBeNull();
    await expect(findActiveSession(second.token)).resolves.not.toBeNull();
    const old = await db.session.findUniqueOrThrow({ where: { tokenHash: hashToken(first.token) } });
    expect(old.revokedReason).toBe("replaced_at_sign_in");
  });

  it("gives a staff account staff lifetimes even with Remember me", async () => {
    const user = await createUser({ kind: "staff" });
    const result = await attempt({ email: user.email, persistent: true });
    if (!result.ok) throw new Error("sign-in failed");
    const row = await db.session.findUniqueOrThrow({ where: { tokenHash: hashToken(result.token) } });
    expect(row.idleExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * minute);
    expect(row.absoluteExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 12 * 60 * minute);
    const session = await findActiveSession(result.token);
    expect(session?.audience).toBe("staff");
  });

  it("alerts on a new device, but not on the account's first or a known one", async () => {
    const user = await createUser();
    const laptop = generateToken();
    const phone = generateToken();

    expect((await attempt({ email: user.email, deviceId: laptop })).ok).toBe(true);
    await expect(events(user.id, "new_device_sign_in")).resolves.toHaveLength(0);
    await expect(mailJobsTo(user.email)).resolves.toHaveLength(0);
    const devices = await db.knownDevice.findMany({ where: { userId: user.id } });
    expect(devices.map((device) => device.deviceHash)).toEqual([hashToken(laptop)]);

    expect((await attempt({ email: user.email, deviceId: phone })).ok).toBe(true);
    await expect(events(user.id, "new_device_sign_in")).resolves.toHaveLength(1);
    const jobs = await mailJobsTo(user.email);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.data.to).toBe(user.email);
    expect(jobs[0]?.data.subject).toMatch(/new sign-in/i);
    expect(JSON.stringify(jobs)).not.toContain(phone);

    expect((await attempt({ email: user.email, deviceId: phone })).ok).toBe(true);
    expect((await attempt({ email: user.email, deviceId: laptop })).ok).toBe(true);
    await expect(events(user.id, "new_device_sign_in")).resolves.toHaveLength(1);
    await expect(mailJobsTo(user.email)).resolves.toHaveLength(1);
    await expect(db.knownDevice.count({ where: { userId: user.id } })).resolves.toBe(2);
  });

  it("refuses even the right password after 5 failures from one address", async () => {
    const user = await createUser();
    const context = newContext();
    for (let i = 1; i <= 5; i += 1) {
      await expect(attempt({ email: user.email, password: `wrong password ${i}`, context })).resolves.toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    await expect(events(user.id, "sign_in_throttled")).resolves.toHaveLength(1);

    const sixth = await attempt({ email: user.email, context });
    expect(sixth.ok).toBe(false);
    if (sixth.ok) return;
    expect(sixth.reason).toBe("throttled");
    expect(sixth.reason === "throttled" && sixth.retryAfterSeconds).toBeGreaterThan(0);
    await expect(db.session.count({ where: { userId: user.id } })).resolves.toBe(0);
    await expect(events(user.id, "sign_in_failed")).resolves.toHaveLength(5);

    // The owner at another address is not locked out.
    const elsewhere = await attempt({ email: user.email });
    expect(elsewhere.ok).toBe(true);
  });
});

describe("staff sign-in", () => {
  it("writes a staff member's sign-in to the audit log, and a customer's not", async () => {
    const staff = await createUser({ kind: "staff" });
    await db.user.update({ where: { id: staff.id }, data: { staffRole: "support" } });
    const customer = await createUser();
    expect((await attempt({ email: staff.email })).ok).toBe(true);
    expect((await attempt({ email: customer.email })).ok).toBe(true);
    const entries = await db.auditEntry.findMany({ where: { action: "staff.signed_in", actorId: { in: [staff.id, customer.id] } } });
    expect(entries).toMatchObject([{ actorId: staff.id, actorRole: "support", outcome: "success", targetType: "session" }]);
  });

  it("refuses a deactivated staff account exactly like a wrong password", async () => {
    const staff = await createUser({ kind: "staff" });
    await db.user.update({ where: { id: staff.id }, data: { staffRole: "support", deactivatedAt: new Date() } });
    expect(await attempt({ email: staff.email })).toEqual({ ok: false, reason: "invalid" });
  });
});
