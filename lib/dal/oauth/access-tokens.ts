import "server-only";
import { hashToken, isWellFormedToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { type ActiveSession, findActiveAppSession } from "@/lib/dal/sessions/sessions";

/**
 * The app session behind a bearer access token, checked on every request:
 * unknown, expired (10 minutes), or a session that was ended (from
 * /account/security, a password change, reuse detection) is null at once.
 */
export async function findAppSessionByAccessToken(accessToken: string): Promise<ActiveSession | null> {
  if (!isWellFormedToken(accessToken)) return null;
  const row = await db.oAuthToken.findUnique({
    where: { accessTokenHash: hashToken(accessToken) },
    select: { sessionId: true, accessTokenExpiresAt: true },
  });
  if (!row || row.accessTokenExpiresAt.getTime() <= Date.now()) return null;
  const session = await findActiveAppSession(row.sessionId);
  return session && !session.secondFactorPending ? session : null;
}
