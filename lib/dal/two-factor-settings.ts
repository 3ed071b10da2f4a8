import "server-only";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/two-factor/recovery-codes";
import { totpQrCodeDataUrl } from "@/lib/auth/two-factor/qr-code";
import { generateTotpSecret, normalizeTotpInput, totpUri, verifyTotp } from "@/lib/auth/two-factor/totp";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { twoFactorDisabled, twoFactorEnabled } from "@/lib/mail/templates";
import { enqueueJob } from "./jobs";
import { type RequestContext, recordSecurityEvent } from "./security-events";
import type { ActiveSession } from "./sessions";

const place = (userId: string, field: "totpSecret" | "totpPendingSecret") => ({ model: "User", field, ownerId: userId });

/** What /account/security shows about two-factor sign-in. The secret appears only while enrolling. */
export type TwoFactorStatusDTO = {
  enabled: boolean;
  recoveryCodesLeft: number;
  enrollment: { secret: string; qrCodeDataUrl: string } | null;
};

export async function getTwoFactorStatus(viewer: ActiveSession): Promise<TwoFactorStatusDTO> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { totpEnabledAt: true, totpPendingSecret: true, email: true },
  });
  const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId: viewer.userId, usedAt: null } });
  if (user.totpEnabledAt || !user.totpPendingSecret) {
    return { enabled: user.totpEnabledAt !== null, recoveryCodesLeft, enrollment: null };
  }
  const secret = decryptField(user.totpPendingSecret, place(viewer.userId, "totpPendingSecret"));
  const uri = totpUri({ secret, accountName: user.email, issuer: env.SHOP_NAME });
  return { enabled: false, recoveryCodesLeft, enrollment: { secret, qrCodeDataUrl: await totpQrCodeDataUrl(uri) } };
}

/** Starts enrolment: a new secret (≥160 bits), stored encrypted until a code confirms it. */
export async function startTwoFactorEnrollment(viewer: ActiveSession): Promise<void> {
  const secret = generateTotpSecret();
  // Only while two-factor is off: with it on, this changes nothing.
  await db.user.updateMany({
    where: { id: viewer.userId, totpEnabledAt: null },
    data: { totpPendingSecret: encryptField(secret, place(viewer.userId, "totpPendingSecret")) },
  });
}

export async function cancelTwoFactorEnrollment(viewer: ActiveSession): Promise<void> {
  await db.user.updateMany({ where: { id: viewer.userId, totpEnabledAt: null }, data: { totpPendingSecret: null } });
}

/**
 * Turns two-factor on once the user proves the authenticator works, and
 * returns the recovery codes — shown once; only their hashes are kept.
 */
export async function confirmTwoFactorEnrollment(
  viewer: ActiveSession,
  input: { code: string; context: RequestContext },
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { totpPendingSecret: true, totpEnabledAt: true, name: true, email: true },
  });
  const code = normalizeTotpInput(input.code);
  if (!user.totpPendingSecret || user.totpEnabledAt || !code) return { ok: false };
  const secret = decryptField(user.totpPendingSecret, place(viewer.userId, "totpPendingSecret"));
  const verified = verifyTotp({ secret, code, lastUsedStep: null });
  if (!verified.valid) return { ok: false };

  const codes = generateRecoveryCodes();
  const hashes = await Promise.all(codes.map((recovery) => hashRecoveryCode(recovery)));
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: viewer.userId },
      data: {
        totpSecret: encryptField(secret, place(viewer.userId, "totpSecret")),
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: verified.step,
      },
    });
    await replaceRecoveryCodes(tx, viewer.userId, hashes);
    await recordSecurityEvent(tx, { type: "two_factor_enabled", userId: viewer.userId, context: input.context });
    await enqueueJob(tx, "mail", { to: user.email, ...twoFactorEnabled({ name: user.name }) });
  });
  return { ok: true, recoveryCodes: codes };
}

/** Turns two-factor off (the caller has demanded a recent step-up) and tells the owner. */
export async function disableTwoFactor(viewer: ActiveSession, context: RequestContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: viewer.userId },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
      select: { name: true, email: true },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: viewer.userId } });
    await recordSecurityEvent(tx, { type: "two_factor_disabled", userId: viewer.userId, context });
    await enqueueJob(tx, "mail", { to: user.email, ...twoFactorDisabled({ name: user.name }) });
  });
}

/** Replaces every recovery code with a new set (the caller has demanded a recent step-up). */
export async function regenerateRecoveryCodes(viewer: ActiveSession, context: RequestContext): Promise<string[]> {
  const codes = generateRecoveryCodes();
  const hashes = await Promise.all(codes.map((recovery) => hashRecoveryCode(recovery)));
  await db.$transaction(async (tx) => {
    await replaceRecoveryCodes(tx, viewer.userId, hashes);
    await recordSecurityEvent(tx, { type: "recovery_codes_regenerated", userId: viewer.userId, context });
  });
  return codes;
}

async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string, hashes: string[]) {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
}
