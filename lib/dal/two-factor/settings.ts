import "server-only";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/two-factor/recovery-codes";
import { totpQrCodeDataUrl } from "@/lib/auth/two-factor/qr-code";
import { generateTotpSecret, normalizeTotpInput, totpUri, verifyTotp } from "@/lib/auth/two-factor/totp";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { twoFactorDisabled, twoFactorEnabled } from "@/lib/mail/templates";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { endOtherSessions, lockSessionAssurance, stampSecondFactor } from "@/lib/dal/sessions/internal/assurance";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import type { RequestContext } from "@/lib/context/request-context";

const place = (userId: string, field: "totpSecret" | "totpPendingSecret") => ({ model: "User", field, ownerId: userId });

/** What /account/security shows about two-factor sign-in. The secret appears only while enrolling. */
export type CustomerTwoFactorStatusDTO = {
  enabled: boolean;
  recoveryCodesLeft: number;
  enrollment: { secret: string; qrCodeDataUrl: string } | null;
};

export async function getTwoFactorStatus(viewer: ActiveSession): Promise<CustomerTwoFactorStatusDTO> {
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

/**
 * Starts enrolment: a new secret (≥160 bits), stored encrypted until a code
 * confirms it. Only from a live session that proved the password within the
 * step-up window, and only while two-factor is off; otherwise nothing changes.
 */
export async function startTwoFactorEnrollment(viewer: ActiveSession): Promise<boolean> {
  const secret = generateTotpSecret();
  return db.$transaction(async (tx) => {
    const session = await lockSessionAssurance(tx, viewer);
    if (!session?.recentlyProven || session.accountHasTwoFactor) return false;
    await tx.user.update({
      where: { id: viewer.userId },
      data: { totpPendingSecret: encryptField(secret, place(viewer.userId, "totpPendingSecret")) },
    });
    return true;
  });
}

export async function cancelTwoFactorEnrollment(viewer: ActiveSession): Promise<void> {
  await db.user.updateMany({ where: { id: viewer.userId, totpEnabledAt: null }, data: { totpPendingSecret: null } });
}

/**
 * Turns two-factor on once the user proves the authenticator works, and
 * returns the recovery codes — shown once; only their hashes are kept. The
 * confirming session has now proven both factors and is kept (marked
 * password + TOTP); every other session of the account ends, since none of
 * them proved the new factor (V7.4.3).
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
  const enabled = await db.$transaction(async (tx) => {
    const session = await lockSessionAssurance(tx, viewer);
    if (!session || session.owesSecondFactor) return false;
    // The secret confirmed must still be the pending one: not replaced or turned on meanwhile.
    const turnedOn = await tx.user.updateMany({
      where: { id: viewer.userId, totpEnabledAt: null, totpPendingSecret: user.totpPendingSecret },
      data: {
        totpSecret: encryptField(secret, place(viewer.userId, "totpSecret")),
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: verified.step,
      },
    });
    if (turnedOn.count !== 1) return false;
    await replaceRecoveryCodes(tx, viewer.userId, hashes);
    await stampSecondFactor(tx, viewer.sessionId, "password_totp");
    await recordSecurityEvent(tx, { type: "two_factor_enabled", userId: viewer.userId, context: input.context });
    await endOtherSessions(tx, { userId: viewer.userId, keep: viewer.sessionId, reason: "two_factor_enabled", context: input.context });
    await enqueueJob(tx, "mail", { to: user.email, ...twoFactorEnabled({ name: user.name }) });
    return true;
  });
  return enabled ? { ok: true, recoveryCodes: codes } : { ok: false };
}

/**
 * Turns two-factor off and tells the owner. Only a live session that proved a
 * second factor itself within the step-up window may (V7.5.1): a session that
 * proved only the password, or an old one, is refused and nothing changes.
 * Every other session of the account ends (V7.4.3).
 */
export async function disableTwoFactor(viewer: ActiveSession, context: RequestContext): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const session = await lockSessionAssurance(tx, viewer);
    if (!session?.recentlyProven || !session.accountHasTwoFactor) return false;
    const user = await tx.user.update({
      where: { id: viewer.userId },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
      select: { name: true, email: true },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: viewer.userId } });
    await recordSecurityEvent(tx, { type: "two_factor_disabled", userId: viewer.userId, context });
    await endOtherSessions(tx, { userId: viewer.userId, keep: viewer.sessionId, reason: "two_factor_disabled", context });
    await enqueueJob(tx, "mail", { to: user.email, ...twoFactorDisabled({ name: user.name }) });
    return true;
  });
}

/**
 * Replaces every recovery code with a new set. Like turning two-factor off, it
 * needs a session that proved a second factor itself within the step-up
 * window; otherwise nothing changes and the answer is null.
 */
export async function regenerateRecoveryCodes(viewer: ActiveSession, context: RequestContext): Promise<string[] | null> {
  const codes = generateRecoveryCodes();
  const hashes = await Promise.all(codes.map((recovery) => hashRecoveryCode(recovery)));
  const replaced = await db.$transaction(async (tx) => {
    const session = await lockSessionAssurance(tx, viewer);
    if (!session?.recentlyProven || !session.accountHasTwoFactor) return false;
    await replaceRecoveryCodes(tx, viewer.userId, hashes);
    await recordSecurityEvent(tx, { type: "recovery_codes_regenerated", userId: viewer.userId, context });
    return true;
  });
  return replaced ? codes : null;
}

async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string, hashes: string[]) {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
}
