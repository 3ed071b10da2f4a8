import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password/hashing";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { db } from "@/lib/db";
import { passwordChanged } from "@/lib/mail/templates";
import { cancelAccountTokens } from "@/lib/dal/accounts/internal/tokens";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { endOtherSessions, lockSessionAssurance } from "@/lib/dal/sessions/internal/assurance";
import type { RequestContext } from "@/lib/context/request-context";

/** Whether `password` is the signed-in user's current password. */
export async function confirmCurrentPassword(viewer: ActiveSession, password: string): Promise<boolean> {
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { passwordHash: true } });
  return (await verifyPassword(user.passwordHash, password)).valid;
}

/**
 * Changes the password of the signed-in user (the caller has checked the
 * current one and the policy). Only from a live session that proved, within
 * the step-up window, what a step-up asks of it; false otherwise, and nothing
 * changes. Every other session of the account ends (V7.4.3), outstanding
 * reset and verification links are cancelled, and the owner is told by mail.
 */
export async function changePassword(
  viewer: ActiveSession,
  input: { newPassword: string; context: RequestContext },
): Promise<boolean> {
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const session = await lockSessionAssurance(tx, viewer);
    if (!session?.recentlyProven) return false;
    const now = new Date();
    const user = await tx.user.update({
      where: { id: viewer.userId },
      data: { passwordHash, passwordChangedAt: now },
      select: { email: true, name: true },
    });
    await tx.session.update({ where: { id: viewer.sessionId }, data: { passwordVerifiedAt: now } });
    await cancelAccountTokens(tx, viewer.userId);
    const ended = await endOtherSessions(tx, { userId: viewer.userId, keep: viewer.sessionId, reason: "password_changed", context: input.context });
    await recordSecurityEvent(tx, {
      type: "password_changed",
      userId: viewer.userId,
      context: input.context,
      details: { sessionsEnded: ended },
    });
    await enqueueJob(tx, "mail", { to: user.email, ...passwordChanged({ name: user.name }) });
    return true;
  });
}

/**
 * Starts an email change (the caller has checked the password): the worker
 * mails a confirmation link to the new address and a notice to the current one.
 * The address changes only when the link is used.
 */
export async function requestEmailChange(
  viewer: ActiveSession,
  input: { newEmail: string; context: RequestContext },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await recordSecurityEvent(tx, { type: "email_change_requested", userId: viewer.userId, context: input.context });
    await enqueueJob(tx, "account", {
      kind: "email-change",
      userId: viewer.userId,
      newEmail: normalizeEmail(input.newEmail),
    });
  });
}

export type CustomerAccountOverviewDTO = { name: string; email: string; emailVerified: boolean; memberSince: Date };

export async function getAccountOverview(viewer: ActiveSession): Promise<CustomerAccountOverviewDTO> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { name: true, email: true, emailVerifiedAt: true, createdAt: true },
  });
  return { name: user.name, email: user.email, emailVerified: user.emailVerifiedAt !== null, memberSince: user.createdAt };
}
