import { afterAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { generateToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { handleAccountJob } from "@/lib/jobs/account-handlers";
import { getCustomerForStaff } from "@/lib/dal/customers/staff-customers";
import { findActiveSession } from "@/lib/dal/sessions/sessions";
import { staffFixtures } from "@/lib/dal/staff/test-fixtures";
import { signInWithPassword } from "@/lib/dal/sessions/sign-in";
import { throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";
import { reportAccountCompromise } from "./compromise-report";
import { completePasswordReset } from "./password-reset";

requireTestDatabaseUrl();

// Mail with a secret link is sent by the worker: capture it instead.
const sendMail = vi.hoisted(() => vi.fn(async (_message: { to: string; subject: string; text: string }) => undefined));
vi.mock("@/lib/mail/transport", () => ({ sendMail }));

const PASSWORD = "correct horse battery staple 42";
const NEW_PASSWORD = "a brand new passphrase 77";
const { users, newContext } = throttledTestUsers({ name: "Compromise Tester", userAgent: "vitest compromise report" });
const { staffViewer } = staffFixtures(users);
const alertText = "An account holder reported%";

afterAll(async () => {
  const ids = (await db.user.findMany({ where: { email: { in: users.emails } }, select: { id: true } })).map((user) => user.id);
  await db.securityAlert.deleteMany({ where: { actorId: { in: ids } } });
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'account' AND data->>'userId' = ANY(${ids})`;
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'mail' AND data->>'text' LIKE ${alertText}`;
});

const signIn = (email: string, password = PASSWORD) =>
  signInWithPassword({ email, password, persistent: false, deviceId: generateToken(), previousToken: null, context: newContext() });

async function signedIn(email: string) {
  const result = await signIn(email);
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  const session = await findActiveSession(result.token);
  if (!session) throw new Error("no session");
  return { token: result.token, session };
}

async function accountWithTwoSessions(kind: "customer" | "staff" = "customer") {
  const user = await users.createUser({ passwordHash: await hashPassword(PASSWORD), kind, emailVerifiedAt: new Date() });
  return { user, mine: await signedIn(user.email), other: await signedIn(user.email) };
}

const queuedReports = (userId: string) =>
  db.$queryRaw<{ data: Record<string, unknown> }[]>`SELECT data FROM pgboss.job WHERE name = 'account' AND data->>'userId' = ${userId}`;

describe("reportAccountCompromise (\"This wasn't me\")", () => {
  it("ends every session of the account, the reporting one too, and records the event", async () => {
    const { user, mine, other } = await accountWithTwoSessions();

    await expect(reportAccountCompromise(mine.session, { note: null, context: newContext() })).resolves.toEqual({ sessionsEnded: 2 });

    await expect(findActiveSession(mine.token)).resolves.toBeNull();
    await expect(findActiveSession(other.token)).resolves.toBeNull();
    const events = await db.securityEvent.findMany({ where: { userId: user.id, type: "account_compromise_reported" }, select: { details: true } });
    expect(events.map((event) => event.details)).toEqual([{ sessionsEnded: 2 }]);
  });

  it("refuses the old password with reset_required until a reset link sets a new one", async () => {
    const { user, mine } = await accountWithTwoSessions();
    await reportAccountCompromise(mine.session, { note: null, context: newContext() });

    await expect(signIn(user.email)).resolves.toEqual({ ok: false, reason: "reset_required" });
    // A wrong password learns nothing about the lock.
    await expect(signIn(user.email, "not the password at all")).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(db.session.count({ where: { userId: user.id, revokedAt: null } })).resolves.toBe(0);

    sendMail.mockClear();
    for (const job of await queuedReports(user.id)) await handleAccountJob(job.data);
    const mail = sendMail.mock.calls[0]?.[0];
    expect(mail?.to).toBe(user.email);
    const token = /reset-password\?token=([^\s"&]+)/.exec(mail?.text ?? "")?.[1];
    if (!token) throw new Error("no reset link in the mail");
    await expect(completePasswordReset({ token: decodeURIComponent(token), passwordHash: await hashPassword(NEW_PASSWORD), context: newContext() })).resolves.toBe(true);

    await expect(signIn(user.email)).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(signIn(user.email, NEW_PASSWORD)).resolves.toMatchObject({ ok: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordResetRequiredAt: true } });
    expect(row.passwordResetRequiredAt).toBeNull();
  });

  it("flags the account for staff and queues the owner's mail with a reset link issued at send time", async () => {
    const { user, mine } = await accountWithTwoSessions();
    await reportAccountCompromise(mine.session, { note: "A sign-in from a country I never visited", context: newContext() });

    const support = await staffViewer("support");
    await expect(getCustomerForStaff(support, user.id)).resolves.toMatchObject({ reportedCompromisedAt: expect.any(Date) });
    const alerts = await db.securityAlert.findMany({ where: { kind: "account_compromise_reported", actorId: user.id } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.details).toMatchObject({ customerId: user.id, note: "A sign-in from a country I never visited" });
    const jobs = await queuedReports(user.id);
    // The job holds the account id only: the token does not exist until the worker sends the mail.
    expect(jobs.map((job) => job.data)).toEqual([{ kind: "compromise-report", userId: user.id }]);
    await expect(db.accountToken.count({ where: { userId: user.id, purpose: "reset_password", usedAt: null } })).resolves.toBe(0);

    sendMail.mockClear();
    await handleAccountJob(jobs[0]?.data);
    expect(sendMail.mock.calls[0]?.[0]).toMatchObject({ to: user.email, subject: expect.stringMatching(/locked/i) });
    expect(sendMail.mock.calls[0]?.[0].text).toMatch(/reset-password\?token=/);
    await expect(db.accountToken.count({ where: { userId: user.id, purpose: "reset_password", usedAt: null } })).resolves.toBe(1);
  });

  it("cancels links the intruder may have asked for, such as an email change", async () => {
    const { user, mine } = await accountWithTwoSessions();
    await db.accountToken.create({
      data: { userId: user.id, purpose: "verify_email", email: "intruder@example.test", tokenHash: generateToken(), expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await reportAccountCompromise(mine.session, { note: null, context: newContext() });
    await expect(db.accountToken.count({ where: { userId: user.id, usedAt: null } })).resolves.toBe(0);
  });

  it("acts on the viewer's own account only: a staff member's report leaves another account untouched", async () => {
    const staff = await accountWithTwoSessions("staff");
    const customer = await accountWithTwoSessions();

    await reportAccountCompromise(staff.mine.session, { note: null, context: newContext() });

    await expect(findActiveSession(customer.mine.token)).resolves.not.toBeNull();
    await expect(findActiveSession(customer.other.token)).resolves.not.toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: customer.user.id }, select: { passwordResetRequiredAt: true } });
    expect(row.passwordResetRequiredAt).toBeNull();
    await expect(signIn(customer.user.email)).resolves.toMatchObject({ ok: true });
    await expect(db.securityEvent.count({ where: { userId: customer.user.id, type: "account_compromise_reported" } })).resolves.toBe(0);
    await expect(db.securityAlert.count({ where: { actorId: customer.user.id } })).resolves.toBe(0);
  });
});
