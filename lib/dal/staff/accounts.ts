import "server-only";
import { canAssignRole, type StaffRoleName } from "@/lib/auth/permissions";
import { auditValues } from "@/lib/audit/audit-values";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { consumeToken, findValidToken, issueAccountToken } from "@/lib/dal/accounts/internal/tokens";
import { appendAudit } from "@/lib/dal/audit/log";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { revokeUserSessions } from "@/lib/dal/sessions/sessions";
import { deactivationRefusal, roleChangeRefusal, staffMemberActions, type StaffMemberFacts } from "@/lib/staff/staff-member-changes";
import { STAFF_ACCOUNT_ERROR_CODES, StaffAccountError } from "./account-errors";
import { assertPermission } from "./permission";
import type { StaffViewer } from "./members";
import type { AuditContext } from "@/lib/context/request-context";

export const setupLink = (token: string) => `${env.SITE_URL}/staff/setup?token=${token}`;

export type NewStaffAccount = {
  email: string;
  name: string;
  role: StaffRoleName;
  /** A hash to sign in with now (the command line), or null for a single-use set-up link. */
  passwordHash: string | null;
  /** An unusable hash (of random bytes) for accounts that set their password through the link. */
  placeholderHash: string;
};

/**
 * Creates a staff account: from the command line (`by` null: whoever runs it
 * already holds the database) or by an owner's invitation (`by` must hold
 * staff:manage and every permission of the role). Two-factor enrolment is
 * required at the first sign-in. Returns the set-up token when one was issued
 * for the command line to print. An invitation queues an account job that
 * names the invitee only: the worker issues the link's token when it sends the
 * mail, so no job payload ever holds a working link.
 */
export async function createStaffAccount(
  account: NewStaffAccount,
  by: StaffViewer | null,
  context: AuditContext,
): Promise<{ userId: string; setupToken: string | null }> {
  if (by) {
    assertPermission(by, "staff:manage");
    if (!canAssignRole(by.role, account.role)) throw new StaffAccountError(STAFF_ACCOUNT_ERROR_CODES.roleNotAssignable, account.role);
  }
  const email = normalizeEmail(account.email);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new StaffAccountError(STAFF_ACCOUNT_ERROR_CODES.emailTaken);
    }
    const user = await tx.user.create({
      data: {
        email,
        name: account.name,
        kind: "staff",
        staffRole: account.role,
        passwordHash: account.passwordHash ?? account.placeholderHash,
        // Whoever runs the command vouches for the address; an invitee proves it by using the link.
        emailVerifiedAt: account.passwordHash ? new Date() : null,
      },
      select: { id: true },
    });
    // The command line prints its link at once; an invitation's link is issued by the worker at send time.
    const setupToken = account.passwordHash || by ? null : await issueAccountToken(tx, { userId: user.id, purpose: "staff_setup", email });
    await appendAudit(tx, {
      actor: by ? { id: by.userId, role: by.role } : null,
      action: by ? "staff.invited" : "staff.created",
      target: { type: "user", id: user.id },
      after: auditValues("User", { email, name: account.name, staffRole: account.role }),
      outcome: "success",
      context,
    });
    if (by && !account.passwordHash) {
      await enqueueJob(tx, "account", { kind: "staff-invitation", userId: user.id, invitedById: by.userId });
    }
    return { userId: user.id, setupToken };
  });
}

/** Who a set-up link is for, or null when it is unknown, used or expired. */
export async function findStaffSetup(token: string): Promise<{ email: string; name: string } | null> {
  return db.$transaction(async (tx) => {
    const valid = await findValidToken(tx, token, "staff_setup");
    if (!valid) return null;
    const user = await tx.user.findUnique({ where: { id: valid.userId }, select: { name: true, email: true, deactivatedAt: true } });
    return user && !user.deactivatedAt ? { email: user.email, name: user.name } : null;
  });
}

/** Sets the password from a set-up link (once); the account then signs in and enrols two-factor. */
export async function completeStaffSetup(input: { token: string; passwordHash: string; context: AuditContext }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const valid = await findValidToken(tx, input.token, "staff_setup");
    if (!valid || !(await consumeToken(tx, valid.id))) return false;
    const user = await tx.user.update({
      where: { id: valid.userId },
      data: { passwordHash: input.passwordHash, passwordChangedAt: new Date(), emailVerifiedAt: new Date() },
      select: { id: true, staffRole: true },
    });
    await appendAudit(tx, {
      actor: { id: user.id, role: user.staffRole },
      action: "staff.setup_completed",
      target: { type: "user", id: user.id },
      outcome: "success",
      context: input.context,
    });
    return true;
  });
}

/**
 * Locks the active owners' rows and counts them: two demotions racing cannot
 * remove the last owner. Locked in id order, so two racing transactions queue
 * behind each other instead of deadlocking.
 */
async function activeOwnerCount(tx: Prisma.TransactionClient): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE kind = 'staff' AND "staffRole" = 'owner' AND "deactivatedAt" IS NULL ORDER BY id FOR UPDATE`;
  return rows.length;
}

/**
 * The tail of every change to a staff member, in the change's transaction: their sessions end
 * (a changed privilege needs a new sign-in) and the change is audited with what it ended.
 */
async function endSessionsAndAudit(
  tx: Prisma.TransactionClient,
  viewer: StaffViewer,
  target: StaffMemberFacts,
  change: { action: "staff.role_changed" | "staff.deactivated"; reason: "role_changed" | "deactivated"; after: Record<string, unknown> },
  context: AuditContext,
): Promise<void> {
  const ended = await revokeUserSessions(tx, target.id, { keep: null, reason: change.reason });
  await appendAudit(tx, {
    actor: { id: viewer.userId, role: viewer.role },
    action: change.action,
    target: { type: "user", id: target.id },
    before: { staffRole: target.role },
    after: { ...change.after, sessionsEnded: ended },
    outcome: "success",
    context,
  });
}

async function staffMember(tx: Prisma.TransactionClient, userId: string): Promise<StaffMemberFacts> {
  const target = await tx.user.findFirst({
    where: { id: userId, kind: "staff" },
    select: { id: true, staffRole: true, deactivatedAt: true },
  });
  if (!target?.staffRole) throw new StaffAccountError(STAFF_ACCOUNT_ERROR_CODES.notFound);
  return { id: target.id, role: target.staffRole, deactivated: target.deactivatedAt !== null };
}

/** Gives a staff member another role; their sessions end, so the new permissions apply at once. */
export async function changeStaffRole(viewer: StaffViewer, userId: string, role: StaffRoleName, context: AuditContext): Promise<void> {
  assertPermission(viewer, "staff:manage");
  if (!canAssignRole(viewer.role, role)) throw new StaffAccountError(STAFF_ACCOUNT_ERROR_CODES.roleNotAssignable, role);
  await db.$transaction(async (tx) => {
    const owners = await activeOwnerCount(tx);
    const target = await staffMember(tx, userId);
    // The staff list offers "Change role" by the same rule (staffMemberActions).
    const refusal = roleChangeRefusal(viewer, target, owners);
    if (refusal) throw new StaffAccountError(refusal);
    if (target.role === role) return;
    await tx.user.update({ where: { id: userId }, data: { staffRole: role } });
    await endSessionsAndAudit(tx, viewer, target, { action: "staff.role_changed", reason: "role_changed", after: { staffRole: role } }, context);
  });
}

/** Deactivates a staff account: it can no longer sign in, its sessions end, its history stays. */
export async function deactivateStaff(viewer: StaffViewer, userId: string, context: AuditContext): Promise<void> {
  assertPermission(viewer, "staff:manage");
  if (userId === viewer.userId) throw new StaffAccountError(STAFF_ACCOUNT_ERROR_CODES.selfDeactivation);
  await db.$transaction(async (tx) => {
    const owners = await activeOwnerCount(tx);
    const target = await staffMember(tx, userId);
    // The staff list offers "Deactivate" by the same rule (staffMemberActions).
    const refusal = deactivationRefusal(viewer, target, owners);
    if (refusal) throw new StaffAccountError(refusal);
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } });
    await endSessionsAndAudit(tx, viewer, target, { action: "staff.deactivated", reason: "deactivated", after: { deactivated: true } }, context);
  });
}

export type StaffMemberDTO = {
  id: string;
  name: string;
  email: string;
  role: StaffRoleName;
  active: boolean;
  twoFactor: boolean;
  joinedAt: Date;
  /** What the viewer may do to this member now, by the rules changeStaffRole and deactivateStaff apply. */
  actions: { changeRole: boolean; deactivate: boolean };
};

/** Every staff account, oldest first, with what the viewer may do to each. */
export async function listStaff(viewer: StaffViewer): Promise<StaffMemberDTO[]> {
  assertPermission(viewer, "staff:read");
  const rows = await db.user.findMany({
    where: { kind: "staff" },
    select: { id: true, name: true, email: true, staffRole: true, deactivatedAt: true, totpEnabledAt: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const owners = rows.filter((row) => row.staffRole === "owner" && !row.deactivatedAt).length;
  return rows.flatMap((row) => {
    if (!row.staffRole) return [];
    const facts = { id: row.id, role: row.staffRole, deactivated: row.deactivatedAt !== null };
    return [
      {
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.staffRole,
        active: !row.deactivatedAt,
        twoFactor: row.totpEnabledAt !== null,
        joinedAt: row.createdAt,
        actions: staffMemberActions(viewer, facts, owners),
      },
    ];
  });
}

/** Records that the viewer accepted the current data-handling policy. */
export async function acceptDataHandlingPolicy(viewer: StaffViewer, version: string, context: AuditContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const created = await tx.policyAcceptance.createMany({
      data: [{ userId: viewer.userId, version, ip: context.ip.slice(0, 45) }],
      skipDuplicates: true,
    });
    if (created.count === 0) return;
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: "policy.accepted",
      target: { type: "policy", id: version },
      outcome: "success",
      context,
    });
  });
}
