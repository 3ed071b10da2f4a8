import "server-only";
import { hashToken, isWellFormedToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import type { RequestContext } from "@/lib/context/request-context";

/**
 * RFC 7009 revocation by the app (its sign-out): an access or refresh token of
 * `clientId` ends the whole app session, so neither token of the family works
 * afterwards. An unknown token, or one of another client, changes nothing;
 * the endpoint answers 200 either way (RFC 7009 §2.2), so this reveals nothing.
 */
export async function revokeAppToken(token: string, clientId: string, context: RequestContext): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const hash = hashToken(token);
  const row = await db.oAuthToken.findFirst({
    where: { OR: [{ accessTokenHash: hash }, { refreshTokenHash: hash }], session: { clientId } },
    select: { session: { select: { id: true, userId: true } } },
  });
  if (!row) return false;
  return db.$transaction(async (tx) => {
    const ended = await tx.session.updateMany({ where: { id: row.session.id, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: "app_signed_out" } });
    if (ended.count === 0) return false;
    await recordSecurityEvent(tx, { type: "app_signed_out", userId: row.session.userId, context, details: { clientId, sessionId: row.session.id } });
    return true;
  });
}
