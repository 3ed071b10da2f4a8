import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password/hashing";
import type { ActiveSession } from "./sessions";
import { db } from "@/lib/db";
import { passwordChanged } from "@/lib/mail/templates";
import { enqueueJob } from "./jobs";
import { normalizeEmail } from "./normalize-email";
import { type RequestContext, recordSecurityEvent } from "./security-events";
import { revokeUserSessions } from "./sessions";

/** Whether `password` is the signed-in user's current password. */
export async function confirmCurrentPassword(viewer: ActiveSession, password: string): Promise<boolean> {
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { passwordHash: true } });
  return (await verifyPassword(user.passwordHash, password)).valid;
}

/**
 * Changes the password of the signed-in user (the caller has checked the
 * current one and the policy). Other sessions end unless the user chose to keep
 * them (V7.4.3); the owner is told by mail.
 */
export async function changePassword(
  viewer: ActiveSession,
  input: { newPassword: string; endOtherSessions: boolean; context: RequestContext },
): Promise<void> {
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: viewer.userId },
      data: { passwordHash, passwordChangedAt: new Date() },
      select: { email: true, name: true },
    });
    const ended = input.endOtherSessions
      ? await revokeUserSessions(tx, viewer.userId, { keep: viewer.sessionId, reason: "password_changed" })
      : 0;
    await recordSecurityEvent(tx, {
      type: "password_changed",
      userId: viewer.userId,
      context: input.context,
      details: { sessionsEnded: ended },
    });
    await enqueueJob(tx, "mail", { to: user.email, ...passwordChanged({ name: user.name }) });
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

export type AccountOverviewDTO = { name: string; email: string; emailVerified: boolean; memberSince: Date };

export async function getAccountOverview(viewer: ActiveSession): Promise<AccountOverviewDTO> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { name: true, email: true, emailVerifiedAt: true, createdAt: true },
  });
  return { name: user.name, email: user.email, emailVerified: user.emailVerifiedAt !== null, memberSince: user.createdAt };
}
