import "server-only";
import { hashToken, isWellFormedToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { createSession } from "@/lib/dal/sessions/sessions";
import type { RequestContext } from "@/lib/context/request-context";
import type { AuthorizationCodeGrant } from "./authorization-codes";
import { notifyAppTokenReplayed } from "./replay-notice";

/** A token pair as issued (the raw values leave this module only in the token response). */
export type IssuedTokens = { accessToken: string; accessTokenExpiresAt: Date; refreshToken: string };

/** A current refresh token: the app session (family) it belongs to and when it stops working. */
export type RefreshGrant = { tokenId: string; sessionId: string; userId: string; clientId: string; expiresAt: Date };

async function addTokens(tx: Prisma.TransactionClient, sessionId: string, tokens: IssuedTokens, refreshExpiresAt: Date) {
  await tx.oAuthToken.create({
    data: {
      sessionId,
      accessTokenHash: hashToken(tokens.accessToken),
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      refreshTokenHash: hashToken(tokens.refreshToken),
      refreshTokenExpiresAt: refreshExpiresAt,
    },
    select: { id: true },
  });
}

/**
 * Opens the app (device) session a redeemed code grants, with its first
 * tokens, carrying over how the customer had signed in. Listed and ended on
 * /account/security like a browser's; persistent lifetimes, so a refresh
 * token lives as long as the session's idle window. Returns the refresh
 * token's expiry (the session's).
 */
export async function openAppSession(grant: AuthorizationCodeGrant, tokens: IssuedTokens, context: RequestContext): Promise<Date> {
  return db.$transaction(async (tx) => {
    const { sessionId } = await createSession(tx, {
      userId: grant.userId,
      audience: "customer",
      persistent: true,
      context,
      method: grant.authMethod,
      passwordVerifiedAt: grant.passwordVerifiedAt ?? undefined,
      secondFactorVerifiedAt: grant.secondFactorVerifiedAt,
      clientId: grant.clientId,
    });
    const session = await tx.session.findUniqueOrThrow({ where: { id: sessionId }, select: { idleExpiresAt: true } });
    await addTokens(tx, sessionId, tokens, session.idleExpiresAt);
    await tx.oAuthAuthorizationCode.update({ where: { id: grant.codeId }, data: { sessionId } });
    await recordSecurityEvent(tx, { type: "app_signed_in", userId: grant.userId, context, details: { clientId: grant.clientId, sessionId } });
    return session.idleExpiresAt;
  });
}

/**
 * The live refresh token's grant, or null. A rotated refresh token presented
 * again means two parties hold the family (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2):
 * the whole app session is ended and `oauth_refresh_token_reused` recorded.
 */
export async function findRefreshGrant(refreshToken: string, context: RequestContext): Promise<RefreshGrant | null> {
  if (!isWellFormedToken(refreshToken)) return null;
  const row = await db.oAuthToken.findUnique({
    where: { refreshTokenHash: hashToken(refreshToken) },
    select: {
      id: true, rotatedAt: true, refreshTokenExpiresAt: true,
      session: { select: { id: true, userId: true, clientId: true, revokedAt: true, idleExpiresAt: true, absoluteExpiresAt: true } },
    },
  });
  const clientId = row?.session.clientId;
  if (!row || !clientId) return null;
  const { session } = row;
  if (row.rotatedAt) {
    await endFamilyForReuse(session.id, session.userId, clientId, context);
    return null;
  }
  const now = Date.now();
  if (session.revokedAt || session.idleExpiresAt.getTime() <= now || session.absoluteExpiresAt.getTime() <= now) return null;
  return { tokenId: row.id, sessionId: session.id, userId: session.userId, clientId, expiresAt: row.refreshTokenExpiresAt };
}

/**
 * Marks a refresh token used. Only one of two concurrent refreshes with the
 * same token can win; the loser is treated as reuse, as a replay would be.
 */
export async function rotateRefreshToken(grant: RefreshGrant, context: RequestContext): Promise<boolean> {
  const result = await db.oAuthToken.updateMany({ where: { id: grant.tokenId, rotatedAt: null }, data: { rotatedAt: new Date() } });
  if (result.count === 1) return true;
  await endFamilyForReuse(grant.sessionId, grant.userId, grant.clientId, context);
  return false;
}

/**
 * Adds the next tokens to a family and extends the session's idle window, as
 * a browser's request would. Returns the new refresh token's expiry.
 */
export async function continueAppSession(grant: RefreshGrant, tokens: IssuedTokens, idleMs: number): Promise<Date> {
  return db.$transaction(async (tx) => {
    const session = await tx.session.findUniqueOrThrow({ where: { id: grant.sessionId }, select: { absoluteExpiresAt: true, revokedAt: true } });
    if (session.revokedAt) throw new Error("The app session ended during the refresh.");
    const now = Date.now();
    const idleExpiresAt = new Date(Math.min(now + idleMs, session.absoluteExpiresAt.getTime()));
    await tx.session.update({ where: { id: grant.sessionId }, data: { lastSeenAt: new Date(now), idleExpiresAt } });
    await addTokens(tx, grant.sessionId, tokens, idleExpiresAt);
    return idleExpiresAt;
  });
}

async function endFamilyForReuse(sessionId: string, userId: string, clientId: string, context: RequestContext) {
  await db.$transaction(async (tx) => {
    const ended = await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: "refresh_token_reused" } });
    await recordSecurityEvent(tx, { type: "oauth_refresh_token_reused", userId, context, details: { clientId, sessionId, sessionEnded: ended.count > 0 } });
    // The customer hears of it once, when the session is ended (later replays of the same family change nothing).
    if (ended.count > 0) await notifyAppTokenReplayed(tx, userId);
  });
}
