import "server-only";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { appTokenReplayed } from "@/lib/mail/templates";

/** Queues the "app signed out for your safety" mail in the transaction that ended the app session. */
export async function notifyAppTokenReplayed(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
  if (!user) return;
  await enqueueJob(tx, "mail", { to: user.email, ...appTokenReplayed({ name: user.name, securityLink: `${env.SITE_URL}/account/security` }) });
}
