import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { generateToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { handleAccountJob } from "@/lib/jobs/account-handlers";
import { createSession } from "@/lib/dal/sessions/sessions";
import { signInWithPassword } from "@/lib/dal/sessions/sign-in";
import { throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";
import {
  changeStaffRole,
  completeStaffSetup,
  createStaffAccount,
  deactivateStaff,
  findStaffSetup,
  listStaff,
} from "./accounts";
import { StaffAccountError } from "./account-errors";
import { PermissionDeniedError } from "./permission";
import { staffFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

// The worker's mail goes here instead of out.
const sent = vi.hoisted(() => [] as { to: string; subject: string; text: string }[]);
vi.mock("@/lib/mail/transport", () => ({ sendMail: async (message: { to: string; subject: string; text: string }) => void sent.push(message) }));

const PASSWORD = "quiet harbour lantern 7391";
const { users, newContext } = throttledTestUsers({ name: "Staff Tester", userAgent: "vitest staff accounts" });
const { staffViewer, roleOf } = staffFixtures(users);
const audit = { ip: "192.0.2.61", userAgent: "vitest staff accounts", requestId: "req-staff-accounts" };

const placeholderHash = () => hashPassword(randomBytes(32).toString("base64url"));

/** An invitation as the admin's form sends it; the new account is tracked for cleanup. */
async function invite(by: Parameters<typeof createStaffAccount>[1], role: Parameters<typeof createStaffAccount>[0]["role"]) {
  const email = users.newEmail();
  const created = await createStaffAccount({ email, name: "Ivy Invitee", role, passwordHash: null, placeholderHash: await placeholderHash() }, by, audit);
  users.userIds.push(created.userId);
  return { ...created, email };
}

const mailJobsTo = (email: string) =>
  db.$queryRaw<{ data: { to: string; subject: string; text: string } }[]>`SELECT data FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${email}`;

/** Takes the invitation's queued account job out of the queue and runs it as the worker would; returns the mailed link's token. */
async function deliverInvitation(userId: string, email: string): Promise<string> {
  const jobs = await db.$queryRaw<{ data: object }[]>`
    DELETE FROM pgboss.job WHERE name = 'account' AND data->>'kind' = 'staff-invitation' AND data->>'userId' = ${userId} RETURNING data`;
  expect(jobs).toHaveLength(1);
  // The job names the invitee and the inviter; the link's token does not exist yet.
  expect(Object.keys(jobs[0]?.data ?? {}).sort()).toEqual(["invitedById", "kind", "userId"]);
  await handleAccountJob(jobs[0]?.data);
  const mail = sent.findLast((message) => message.to === email);
  expect(mail?.subject).toMatch(/invited to the shop admin/);
  const token = /\/staff\/setup\?token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "")?.[1];
  if (!token) throw new Error("no set-up link in the invitation");
  return token;
}

const openSession = (userId: string) =>
  db.$transaction((tx) => createSession(tx, { userId, audience: "staff", persistent: false, context: newContext() }));

const signIn = (email: string) =>
  signInWithPassword({ email, password: PASSWORD, persistent: false, deviceId: generateToken(), previousToken: null, context: newContext() });

describe("staff invitations", () => {
  it("create the account, mail a set-up link, and the link sets a password once", async () => {
    const owner = await staffViewer("owner");
    const { userId, email, setupToken: returned } = await invite(owner, "support");
    // Issued by the worker when it sends the mail, never by the request (nor stored in the queue).
    expect(returned).toBeNull();
    expect(await db.accountToken.count({ where: { userId } })).toBe(0);

    expect(await db.user.findUniqueOrThrow({ where: { id: userId }, select: { kind: true, staffRole: true, emailVerifiedAt: true } })).toEqual({
      kind: "staff",
      staffRole: "support",
      emailVerifiedAt: null,
    });
    expect(await mailJobsTo(email)).toHaveLength(0);
    const setupToken = await deliverInvitation(userId, email);
    expect(await db.auditEntry.count({ where: { action: "staff.invited", actorId: owner.userId, targetId: userId } })).toBe(1);

    // The placeholder password matches nothing: no sign-in before the link is used.
    expect(await signIn(email)).toEqual({ ok: false, reason: "invalid" });
    expect(await findStaffSetup(setupToken)).toEqual({ email, name: "Ivy Invitee" });
    const passwordHash = await hashPassword(PASSWORD);
    expect(await completeStaffSetup({ token: setupToken, passwordHash, context: audit })).toBe(true);
    expect(await completeStaffSetup({ token: setupToken, passwordHash: await placeholderHash(), context: audit })).toBe(false);
    expect(await findStaffSetup(setupToken)).toBeNull();
    expect((await signIn(email)).ok).toBe(true);
  });

  it("refuse an address that already has an account", async () => {
    const owner = await staffViewer("owner");
    const customer = await users.createUser();
    await expect(
      createStaffAccount({ email: customer.email.toUpperCase(), name: "Copy", role: "support", passwordHash: null, placeholderHash: await placeholderHash() }, owner, audit),
    ).rejects.toThrow(StaffAccountError);
    expect(await db.user.findUniqueOrThrow({ where: { id: customer.id }, select: { kind: true } })).toEqual({ kind: "customer" });
  });
});

describe("nobody grants a permission they lack", () => {
  it("an administrator cannot invite, promote to or change an owner", async () => {
    const admin = await staffViewer("admin");
    const owner = await staffViewer("owner");
    const member = await staffViewer("support");
    const email = users.newEmail();
    await expect(
      createStaffAccount({ email, name: "Would-be Owner", role: "owner", passwordHash: null, placeholderHash: await placeholderHash() }, admin, audit),
    ).rejects.toThrow(StaffAccountError);
    expect(await db.user.count({ where: { email } })).toBe(0);

    await expect(changeStaffRole(admin, member.userId, "owner", audit)).rejects.toThrow(StaffAccountError);
    await expect(changeStaffRole(admin, owner.userId, "support", audit)).rejects.toThrow(StaffAccountError);
    await expect(deactivateStaff(admin, owner.userId, audit)).rejects.toThrow(StaffAccountError);
    expect(await roleOf(member.userId)).toEqual({ staffRole: "support", deactivatedAt: null });
    expect(await roleOf(owner.userId)).toEqual({ staffRole: "owner", deactivatedAt: null });
  });

  it("roles without staff:manage cannot invite, change or deactivate anyone, nor list staff without staff:read", async () => {
    const support = await staffViewer("support");
    const auditor = await staffViewer("auditor");
    const member = await staffViewer("fulfilment");
    for (const viewer of [support, auditor]) {
      await expect(invite(viewer, "fulfilment")).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(changeStaffRole(viewer, member.userId, "support", audit)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(deactivateStaff(viewer, member.userId, audit)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    await expect(listStaff(support)).rejects.toBeInstanceOf(PermissionDeniedError);
    const listed = (await listStaff(auditor)).find((row) => row.id === member.userId);
    expect(listed).toMatchObject({ role: "fulfilment", active: true, twoFactor: false });
    expect(await roleOf(member.userId)).toEqual({ staffRole: "fulfilment", deactivatedAt: null });
  });
});

describe("role changes and deactivation", () => {
  it("a role change ends every session of that person and is audited", async () => {
    const admin = await staffViewer("admin");
    const member = await staffViewer("support");
    const sessions = [await openSession(member.userId), await openSession(member.userId)];
    const adminSession = await openSession(admin.userId);

    await changeStaffRole(admin, member.userId, "fulfilment", audit);

    expect((await roleOf(member.userId)).staffRole).toBe("fulfilment");
    for (const { sessionId } of sessions) {
      const row = await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { revokedAt: true, revokedReason: true } });
      expect(row.revokedAt).not.toBeNull();
      expect(row.revokedReason).toBe("role_changed");
    }
    expect((await db.session.findUniqueOrThrow({ where: { id: adminSession.sessionId } })).revokedAt).toBeNull();
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "staff.role_changed", targetId: member.userId } });
    expect(entry).toMatchObject({ actorId: admin.userId, before: { staffRole: "support" }, after: { staffRole: "fulfilment", sessionsEnded: 2 } });
  });

  it("a deactivated staff member is signed out and cannot sign in again", async () => {
    const admin = await staffViewer("admin");
    const member = await staffViewer("support");
    await db.user.update({ where: { id: member.userId }, data: { passwordHash: await hashPassword(PASSWORD) } });
    const before = await signIn(member.email);
    if (!before.ok) throw new Error(`sign-in failed: ${before.reason}`);

    await deactivateStaff(admin, member.userId, audit);

    expect(await db.session.count({ where: { userId: member.userId, revokedAt: null } })).toBe(0);
    expect(await signIn(member.email)).toEqual({ ok: false, reason: "invalid" });
    const failed = await db.securityEvent.findFirst({ where: { userId: member.userId, type: "sign_in_failed" } });
    expect(failed?.details).toEqual({ reason: "deactivated" });
    expect((await listStaff(admin)).find((row) => row.id === member.userId)?.active).toBe(false);
  });

  it("nobody changes their own role: refused, nothing changed, nothing recorded as done", async () => {
    const admin = await staffViewer("admin");
    const session = await openSession(admin.userId);
    for (const role of ["support", "admin"] as const) {
      await expect(changeStaffRole(admin, admin.userId, role, audit)).rejects.toMatchObject({ code: "self_role_change" });
    }
    expect(await roleOf(admin.userId)).toEqual({ staffRole: "admin", deactivatedAt: null });
    expect((await db.session.findUniqueOrThrow({ where: { id: session.sessionId } })).revokedAt).toBeNull();
    // Like the other refusals (self deactivation, the last owner), the refused change writes no audit entry.
    expect(await db.auditEntry.count({ where: { actorId: admin.userId } })).toBe(0);
    expect((await listStaff(admin)).find((row) => row.id === admin.userId)?.actions).toEqual({ changeRole: false, deactivate: false });
  });

  it("nobody deactivates their own account", async () => {
    const admin = await staffViewer("admin");
    await expect(deactivateStaff(admin, admin.userId, audit)).rejects.toThrow(StaffAccountError);
    expect((await roleOf(admin.userId)).deactivatedAt).toBeNull();
  });
});
