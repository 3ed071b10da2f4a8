import "server-only";
import { assertShopOpen } from "@/lib/dal/lockdown/state";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import type { RequestContext } from "@/lib/context/request-context";

/**
 * Creates an account and queues its verification mail. For an address that
 * already has an account, nothing is created and the owner is mailed instead,
 * so the outcome the visitor sees is the same either way (no enumeration).
 * The caller hashes the password in both cases, to keep timing the same.
 */
export async function registerAccount(input: {
  name: string;
  email: string;
  passwordHash: string;
  context: RequestContext;
}): Promise<void> {
  // Lockdown mode (incident response) closes sign-ups; checked here so no caller can skip it.
  await assertShopOpen();
  const email = normalizeEmail(input.email);
  await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) {
      await enqueueJob(tx, "account", { kind: "sign-up-existing", userId: existing.id });
      return;
    }
    const user = await tx.user.create({
      data: { email, name: input.name, passwordHash: input.passwordHash },
      select: { id: true },
    });
    await recordSecurityEvent(tx, { type: "sign_up", userId: user.id, context: input.context });
    await enqueueJob(tx, "account", { kind: "send-verification", userId: user.id });
  });
}
