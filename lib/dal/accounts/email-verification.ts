import "server-only";
import { db } from "@/lib/db";
import { emailChanged } from "@/lib/mail/templates";
import { cancelAccountTokens, consumeToken, findValidToken } from "@/lib/dal/accounts/internal/tokens";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { attachGuestOrders } from "./guest-orders";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { endOtherSessions } from "@/lib/dal/sessions/internal/assurance";
import type { RequestContext } from "@/lib/context/request-context";

export type EmailConfirmation = "verified" | "changed" | "invalid" | "taken";

/**
 * Confirms an address from a mailed link: the account's own address (sign-up
 * verification) or a new one it asked to move to (email change). An email
 * change cancels the account's other outstanding links (they were sent to, or
 * are bound to, the old address) and ends every session of the account but
 * the signed-in one confirming it, if any (`current`: the browser's session).
 * Either way, guest orders placed with the address just proven join the
 * account in the same transaction.
 */
export async function confirmEmail(
  token: string,
  context: RequestContext,
  current: { sessionId: string; userId: string } | null = null,
): Promise<EmailConfirmation> {
  return db.$transaction(async (tx) => {
    const valid = await findValidToken(tx, token, "verify_email");
    if (!valid) return "invalid";
    const user = await tx.user.findUnique({ where: { id: valid.userId }, select: { email: true, name: true } });
    if (!user) return "invalid";
    if (valid.email === user.email) {
      if (!(await consumeToken(tx, valid.id))) return "invalid";
      await tx.user.update({ where: { id: valid.userId }, data: { emailVerifiedAt: new Date() } });
      await attachGuestOrders(tx, valid.userId, user.email);
      await recordSecurityEvent(tx, { type: "email_verified", userId: valid.userId, context });
      return "verified";
    }
    const owner = await tx.user.findUnique({ where: { email: valid.email }, select: { id: true } });
    if (owner) return "taken";
    if (!(await consumeToken(tx, valid.id))) return "invalid";
    await tx.user.update({ where: { id: valid.userId }, data: { email: valid.email, emailVerifiedAt: new Date() } });
    await attachGuestOrders(tx, valid.userId, valid.email);
    await cancelAccountTokens(tx, valid.userId);
    await recordSecurityEvent(tx, { type: "email_changed", userId: valid.userId, context });
    const keep = current?.userId === valid.userId ? current.sessionId : null;
    await endOtherSessions(tx, { userId: valid.userId, keep, reason: "email_changed", context });
    const notice = emailChanged({ name: user.name });
    await enqueueJob(tx, "mail", { to: user.email, ...notice });
    await enqueueJob(tx, "mail", { to: valid.email, ...notice });
    return "changed";
  });
}
