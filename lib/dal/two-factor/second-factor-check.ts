import "server-only";
import { findMatchingRecoveryCode, normalizeRecoveryCode } from "@/lib/auth/two-factor/recovery-codes";
import { normalizeTotpInput, verifyTotp } from "@/lib/auth/two-factor/totp";
import { decryptField } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db";

export type SecondFactorMethod = "totp" | "recovery_code";

/**
 * Checks a second factor for a user and consumes it: a TOTP time step is
 * stored so the same code (or an older one) is never accepted again, and a
 * recovery code is marked used. Both consumptions are conditional updates, so
 * two concurrent requests with the same code cannot both succeed.
 */
export async function consumeSecondFactor(
  userId: string,
  method: SecondFactorMethod,
  input: string,
): Promise<{ ok: true; recoveryCodesLeft: number | null } | { ok: false }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  if (!user?.totpSecret) return { ok: false };

  if (method === "totp") {
    const code = normalizeTotpInput(input);
    if (!code) return { ok: false };
    const secret = decryptField(user.totpSecret, { model: "User", field: "totpSecret", ownerId: userId });
    const result = verifyTotp({ secret, code, lastUsedStep: user.totpLastStep });
    if (!result.valid) return { ok: false };
    const stored = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: result.step } }] },
      data: { totpLastStep: result.step },
    });
    return stored.count === 1 ? { ok: true, recoveryCodesLeft: null } : { ok: false };
  }

  const code = normalizeRecoveryCode(input);
  if (!code) return { ok: false };
  const candidates = await db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  const matched = await findMatchingRecoveryCode(code, candidates);
  if (!matched) return { ok: false };
  const used = await db.recoveryCode.updateMany({ where: { id: matched, usedAt: null }, data: { usedAt: new Date() } });
  if (used.count !== 1) return { ok: false };
  return { ok: true, recoveryCodesLeft: candidates.length - 1 };
}
