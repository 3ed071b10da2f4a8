import "server-only";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recoveryCodeUsed } from "@/lib/mail/templates";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { endOtherSessions } from "@/lib/dal/sessions/internal/assurance";
import type { RequestContext } from "@/lib/context/request-context";

/**
 * What follows the use of a recovery code, at sign-in or at step-up, in the
 * caller's transaction: the event, a mail to the owner (NIST 800-63B §4.2.1.1),
 * and the end of every other session of the account. A recovery code is used
 * when the authenticator is lost, so sessions elsewhere may be someone else's.
 */
export async function recordRecoveryCodeUse(
  tx: Prisma.TransactionClient,
  input: { user: { id: string; name: string; email: string }; keepSessionId: string; remaining: number; context: RequestContext },
): Promise<void> {
  const { user, context } = input;
  await recordSecurityEvent(tx, { type: "recovery_code_used", userId: user.id, context, details: { remaining: input.remaining } });
  await endOtherSessions(tx, { userId: user.id, keep: input.keepSessionId, reason: "recovery_code_used", context });
  const mail = recoveryCodeUsed({ name: user.name, remaining: input.remaining, securityLink: `${env.SITE_URL}/account/security` });
  await enqueueJob(tx, "mail", { to: user.email, ...mail });
}
