import "server-only";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { securityAlertMail } from "@/lib/mail/templates";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";

export type AlertKind = "bulk_pii_reveal" | "large_export" | "repeated_denials" | "stray_payment" | "account_compromise_reported";

const HOUR_MS = 3_600_000;

/**
 * Raises an insider-threat alert for the owners: a row for the admin
 * dashboard and a mail to every active owner, in the caller's transaction.
 * One alert per kind and actor per hour, so a burst makes one alarm, not a flood.
 */
export async function raiseAlert(
  tx: Prisma.TransactionClient,
  alert: { kind: AlertKind; actorId: string | null; message: string; details?: Prisma.InputJsonObject },
  now = new Date(),
): Promise<boolean> {
  const recent = await tx.securityAlert.count({
    where: { kind: alert.kind, actorId: alert.actorId, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
  });
  if (recent > 0) return false;
  await tx.securityAlert.create({ data: { ...alert, createdAt: now } });
  const owners = await tx.user.findMany({
    where: { kind: "staff", staffRole: "owner", deactivatedAt: null },
    select: { name: true, email: true },
  });
  for (const owner of owners) {
    const mail = securityAlertMail({ name: owner.name, message: alert.message, dashboardLink: `${env.SITE_URL}/admin` });
    await enqueueJob(tx, "mail", { to: owner.email, ...mail });
  }
  return true;
}
