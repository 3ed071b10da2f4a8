import "server-only";
import { db } from "@/lib/db";
import { passwordResetCompleted } from "@/lib/mail/templates";
import { cancelAccountTokens, consumeToken, findValidToken } from "@/lib/dal/accounts/internal/tokens";
import { enqueueJob, enqueueJobNow } from "@/lib/dal/jobs/enqueue";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { revokeUserSessions } from "@/lib/dal/sessions/sessions";
import type { RequestContext } from "@/lib/context/request-context";

/**
 * Queues a reset for an address without looking it up: the worker finds the
 * account (if any), issues the token and mails it. The request therefore takes
 * the same path and time whether or not the account exists.
 */
export async function requestPasswordReset(email: string, context: RequestContext): Promise<void> {
  await enqueueJobNow("account", {
    kind: "password-reset-request",
    email: normalizeEmail(email),
    ip: context.ip,
    userAgent: context.userAgent,
  });
}

/** Who a reset link belongs to (for the password policy's context words), or null if it is not valid. */
export async function findPasswordResetAccount(token: string): Promise<{ email: string; name: string } | null> {
  const valid = await findValidToken(db, token, "reset_password");
  if (!valid) return null;
  return db.user.findUnique({ where: { id: valid.userId }, select: { email: true, name: true } });
}

/**
 * Sets the new password from a valid reset link (still addressed to the
 * account's email), consumes the link, cancels the account's other outstanding
 * links, ends every session of the account and mails the owner. No automatic
 * sign-in follows.
 */
export async function completePasswordReset(input: {
  token: string;
  passwordHash: string;
  context: RequestContext;
}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const valid = await findValidToken(tx, input.token, "reset_password");
    if (!valid || !(await consumeToken(tx, valid.id))) return false;
    const user = await tx.user.update({
      where: { id: valid.userId },
      data: { passwordHash: input.passwordHash, passwordChangedAt: new Date(), passwordResetRequiredAt: null },
      select: { id: true, email: true, name: true },
    });
    await cancelAccountTokens(tx, user.id);
    const ended = await revokeUserSessions(tx, user.id, { keep: null, reason: "password_reset" });
    await recordSecurityEvent(tx, {
      type: "password_reset_completed",
      userId: user.id,
      context: input.context,
      details: { sessionsEnded: ended },
    });
    await enqueueJob(tx, "mail", { to: user.email, ...passwordResetCompleted({ name: user.name }) });
    return true;
  });
}
