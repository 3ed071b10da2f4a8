import "server-only";
import { hashToken, generateToken } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newDeviceSignIn } from "@/lib/mail/templates";
import { appendAudit } from "@/lib/dal/audit/log";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import type { RequestContext } from "@/lib/context/request-context";

/**
 * What happens once a sign-in is complete (after the password, or after the
 * second factor when two-factor is on): the device is remembered, a device
 * never seen before triggers an alert mail, and the success is recorded.
 */
export async function recordCompletedSignIn(
  tx: Prisma.TransactionClient,
  input: {
    user: { id: string; name: string; email: string };
    sessionId: string;
    persistent: boolean;
    deviceId: string;
    secondFactor: "totp" | "recovery_code" | null;
    context: RequestContext;
  },
): Promise<void> {
  await noteDevice(tx, input);
  await recordSecurityEvent(tx, {
    type: "sign_in_succeeded",
    userId: input.user.id,
    context: input.context,
    details: {
      sessionId: input.sessionId,
      persistent: input.persistent,
      secondFactor: input.secondFactor,
      // Present only when CLIENT_COUNTRY_HEADER is set: the new-country detection rule reads it.
      ...(input.context.country ? { country: input.context.country } : {}),
    },
  });
  await auditStaffSignIn(tx, input);
}

/** A staff member's sign-in also goes to the audit log: who held admin powers, when, from where. */
async function auditStaffSignIn(
  tx: Prisma.TransactionClient,
  input: { user: { id: string }; sessionId: string; secondFactor: "totp" | "recovery_code" | null; context: RequestContext },
) {
  const account = await tx.user.findUnique({ where: { id: input.user.id }, select: { kind: true, staffRole: true } });
  if (account?.kind !== "staff") return;
  await appendAudit(tx, {
    actor: { id: input.user.id, role: account.staffRole },
    action: "staff.signed_in",
    target: { type: "session", id: input.sessionId },
    after: { secondFactor: input.secondFactor },
    outcome: "success",
    context: { ...input.context, requestId: null },
  });
}

async function noteDevice(
  tx: Prisma.TransactionClient,
  input: { user: { id: string; name: string; email: string }; deviceId: string; context: RequestContext },
) {
  // A sign-in without a device id cannot be recognised later: count it as a new device.
  const deviceHash = hashToken(input.deviceId || generateToken());
  const userId = input.user.id;
  const known = await tx.knownDevice.findUnique({
    where: { userId_deviceHash: { userId, deviceHash } },
    select: { id: true },
  });
  if (known) {
    await tx.knownDevice.update({ where: { id: known.id }, data: { lastSeenAt: new Date() } });
    return;
  }
  const hadDevices = (await tx.knownDevice.count({ where: { userId } })) > 0;
  await tx.knownDevice.create({ data: { userId, deviceHash } });
  if (!hadDevices) return;
  await recordSecurityEvent(tx, { type: "new_device_sign_in", userId, context: input.context });
  const mail = newDeviceSignIn({
    name: input.user.name,
    when: new Date(),
    device: input.context.userAgent.slice(0, 120),
    ip: input.context.ip,
    securityLink: `${env.SITE_URL}/account/security`,
  });
  await enqueueJob(tx, "mail", { to: input.user.email, ...mail });
}
