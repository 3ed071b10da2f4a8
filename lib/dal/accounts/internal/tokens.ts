import "server-only";
import { generateToken, hashToken, isWellFormedToken } from "@/lib/crypto/tokens";
import type { AccountTokenPurpose, Prisma } from "@/lib/generated/prisma/client";

/**
 * Links in mail expire: a verification link after a day, a password reset link
 * after 30 minutes, a staff invitation (or set-up link) after 72 hours.
 */
export const tokenLifetimesMs: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 60 * 60_000,
  reset_password: 30 * 60_000,
  staff_setup: 72 * 60 * 60_000,
};

/**
 * Issues a single-use token bound to one user and one address; only its hash is
 * stored. Issuing a new token of a purpose retires the older unused ones.
 */
export async function issueAccountToken(
  tx: Prisma.TransactionClient,
  input: { userId: string; purpose: AccountTokenPurpose; email: string },
): Promise<string> {
  const token = generateToken();
  await tx.accountToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null },
    data: { usedAt: new Date() },
  });
  await tx.accountToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      email: input.email,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + tokenLifetimesMs[input.purpose]),
    },
  });
  return token;
}

export type ValidToken = { id: string; userId: string; email: string };

/**
 * Purposes whose link proves the account's current address: it works only
 * while the account's email is still the one the link was sent to. (An email
 * change link carries the new address and is checked by its own flow.)
 */
const boundToAccountEmail: ReadonlySet<AccountTokenPurpose> = new Set(["reset_password", "staff_setup"]);

/**
 * A token that is unused, unexpired, of this purpose and, for a reset or
 * set-up link, still addressed to the account's email; or null. Does not
 * consume it.
 */
export async function findValidToken(
  tx: Prisma.TransactionClient,
  token: string,
  purpose: AccountTokenPurpose,
): Promise<ValidToken | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await tx.accountToken.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, userId: true, email: true, user: { select: { email: true } } },
  });
  if (!row || (boundToAccountEmail.has(purpose) && row.user.email !== row.email)) return null;
  return { id: row.id, userId: row.userId, email: row.email };
}

/**
 * Cancels every outstanding link of an account (reset, verification, email
 * change, staff set-up) after its password or email changed: a link mailed
 * before the change must not undo or bypass it. Returns how many were cancelled.
 */
export async function cancelAccountTokens(tx: Prisma.TransactionClient, userId: string): Promise<number> {
  const result = await tx.accountToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  return result.count;
}

/**
 * Marks a token used. The conditional update makes consumption atomic: of two
 * concurrent requests with the same link, exactly one gets true.
 */
export async function consumeToken(tx: Prisma.TransactionClient, id: string): Promise<boolean> {
  const result = await tx.accountToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date() } });
  return result.count === 1;
}
