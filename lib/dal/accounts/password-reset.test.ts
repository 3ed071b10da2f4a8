import { beforeEach, describe, expect, it, vi } from "vitest";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { issueAccountToken } from "@/lib/dal/accounts/internal/tokens";
import { sendPasswordResetLink } from "./mail";
import { completePasswordReset, findPasswordResetAccount } from "./password-reset";
import { createSession, findActiveSession } from "@/lib/dal/sessions/sessions";
import { testUsers } from "@/lib/dal/test-users";

requireTestDatabaseUrl();

// Mail with a secret link is sent directly (not queued): capture it instead.
const sendMail = vi.hoisted(() => vi.fn(async (_message: { to: string; subject: string; text: string }) => undefined));
vi.mock("@/lib/mail/transport", () => ({ sendMail }));

const OLD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$b2xkc2FsdA$b2xkaGFzaA";
const NEW_HASH = "$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$bmV3aGFzaA";
const context = { ip: "203.0.113.30", userAgent: "vitest password-reset" };
const { newEmail, createUser } = testUsers({
  defaults: { name: "Reset Tester", passwordHash: OLD_HASH, passwordChangedAt: new Date(Date.now() - 86_400_000) },
  mailJobs: true,
});

function openSession(userId: string, persistent: boolean) {
  return db.$transaction((tx) => createSession(tx, { userId, audience: "customer", persistent, context }));
}

function issueReset(userId: string, email: string) {
  return db.$transaction((tx) => issueAccountToken(tx, { userId, purpose: "reset_password", email }));
}

async function mailJobsTo(email: string): Promise<Array<{ data: { to: string; subject: string } }>> {
  return db.$queryRaw`SELECT data FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${email}`;
}

describe("completePasswordReset", () => {
  it("sets the new hash, consumes the link, ends every session, records and mails", async () => {
    const user = await createUser();
    const browser = await openSession(user.id, false);
    const remembered = await openSession(user.id, true);
    const token = await issueReset(user.id, user.email);

    await expect(completePasswordReset({ token, passwordHash: NEW_HASH, context })).resolves.toBe(true);

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(NEW_HASH);
    expect(after.passwordChangedAt.getTime()).toBeGreaterThan(user.passwordChangedAt.getTime());

    await expect(findActiveSession(browser.token)).resolves.toBeNull();
    await expect(findActiveSession(remembered.token)).resolves.toBeNull();
    const sessions = await db.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(2);
    for (const session of sessions) expect(session.revokedReason).toBe("password_reset");

    const tokenRow = await db.accountToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(tokenRow.usedAt).not.toBeNull();

    const events = await db.securityEvent.findMany({ where: { userId: user.id, type: "password_reset_completed" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toEqual({ sessionsEnded: 2 });
    expect(JSON.stringify(events)).not.toContain(token);

    const jobs = await mailJobsTo(user.email);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.data.subject).toMatch(/password was reset/i);
    expect(JSON.stringify(jobs)).not.toContain(token);
  });

  it("is single-use: the same link a second time changes nothing", async () => {
    const user = await createUser();
    const token = await issueReset(user.id, user.email);
    await expect(completePasswordReset({ token, passwordHash: NEW_HASH, context })).resolves.toBe(true);
    const later = await openSession(user.id, false);

    await expect(completePasswordReset({ token, passwordHash: OLD_HASH, context })).resolves.toBe(false);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(after.passwordHash).toBe(NEW_HASH);
    await expect(findActiveSession(later.token)).resolves.not.toBeNull();
    await expect(db.securityEvent.count({ where: { userId: user.id, type: "password_reset_completed" } })).resolves.toBe(1);
    await expect(mailJobsTo(user.email)).resolves.toHaveLength(1);
  });

  it("refuses an expired link and changes nothing", async () => {
    const user = await createUser();
    const session = await openSession(user.id, false);
    const token = await issueReset(user.id, user.email);
    await db.accountToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });

    await expect(completePasswordReset({ token, passwordHash: NEW_HASH, context })).resolves.toBe(false);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(OLD_HASH);
    expect(after.passwordChangedAt.getTime()).toBe(user.passwordChangedAt.getTime());
    await expect(findActiveSession(session.token)).resolves.not.toBeNull();
    const tokenRow = await db.accountToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(tokenRow.usedAt).toBeNull();
    await expect(db.securityEvent.count({ where: { userId: user.id } })).resolves.toBe(0);
    await expect(mailJobsTo(user.email)).resolves.toHaveLength(0);
  });

  it("refuses a verify-email link and a garbage token", async () => {
    const user = await createUser();
    const verify = await db.$transaction((tx) =>
      issueAccountToken(tx, { userId: user.id, purpose: "verify_email", email: user.email }),
    );
    await expect(completePasswordReset({ token: verify, passwordHash: NEW_HASH, context })).resolves.toBe(false);
    await expect(completePasswordReset({ token: "garbage", passwordHash: NEW_HASH, context })).resolves.toBe(false);
    await expect(completePasswordReset({ token: generateToken(), passwordHash: NEW_HASH, context })).resolves.toBe(false);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(after.passwordHash).toBe(OLD_HASH);
  });
});

describe("findPasswordResetAccount", () => {
  it("returns the email and name for a valid link", async () => {
    const user = await createUser();
    const token = await issueReset(user.id, user.email);
    await expect(findPasswordResetAccount(token)).resolves.toEqual({ email: user.email, name: user.name });
    // Looking does not consume the link.
    await expect(findPasswordResetAccount(token)).resolves.toEqual({ email: user.email, name: user.name });
  });

  it("returns null for garbage, unknown and used links", async () => {
    const user = await createUser();
    const token = await issueReset(user.id, user.email);
    await expect(findPasswordResetAccount("garbage")).resolves.toBeNull();
    await expect(findPasswordResetAccount(generateToken())).resolves.toBeNull();
    await expect(completePasswordReset({ token, passwordHash: NEW_HASH, context })).resolves.toBe(true);
    await expect(findPasswordResetAccount(token)).resolves.toBeNull();
  });
});

describe("sendPasswordResetLink", () => {
  beforeEach(() => {
    sendMail.mockClear();
  });

  it("does nothing for an email without an account", async () => {
    const email = newEmail();
    const ip = "203.0.113.31";
    const startedAt = new Date();
    await expect(sendPasswordResetLink({ email, ip, userAgent: "vitest unknown reset" })).resolves.toBeUndefined();
    await expect(db.accountToken.count({ where: { email } })).resolves.toBe(0);
    await expect(
      db.securityEvent.count({ where: { userAgent: "vitest unknown reset", createdAt: { gte: startedAt } } }),
    ).resolves.toBe(0);
    await expect(db.user.count({ where: { email } })).resolves.toBe(0);
    expect(sendMail).not.toHaveBeenCalled();
  });

  it("for an account, mails a working link whose token is stored only as a hash", async () => {
    const user = await createUser();
    const request = { email: user.email, ip: "203.0.113.32", userAgent: "vitest known reset" };
    await sendPasswordResetLink(request);

    expect(sendMail).toHaveBeenCalledTimes(1);
    const message = sendMail.mock.calls[0]?.[0];
    expect(message?.to).toBe(user.email);
    const token = /[?&]token=([A-Za-z0-9_-]{43})/.exec(message?.text ?? "")?.[1];
    if (!token) throw new Error("no reset link in the mail");
    const rows = await db.accountToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(token));
    expect(rows[0]?.purpose).toBe("reset_password");
    await expect(findPasswordResetAccount(token)).resolves.toEqual({ email: user.email, name: user.name });
    const events = await db.securityEvent.findMany({ where: { userId: user.id, type: "password_reset_requested" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.ip).toBe(request.ip);
  });
});
