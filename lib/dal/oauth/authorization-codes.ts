import "server-only";
import { hashToken, isWellFormedToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import type { SessionAuthMethod } from "@/lib/generated/prisma/client";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import type { RequestContext } from "@/lib/context/request-context";
import { notifyAppTokenReplayed } from "./replay-notice";

/** A stored code as the token endpoint needs it: who approved it, for which app, and how they had signed in. */
export type AuthorizationCodeGrant = {
  codeId: string;
  userId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  expiresAt: Date;
  authMethod: SessionAuthMethod;
  passwordVerifiedAt: Date | null;
  secondFactorVerifiedAt: Date | null;
};

/**
 * Stores a code for the signed-in customer (only its hash). Only a complete
 * customer session may approve an app: a staff session or one still owing
 * its second factor is refused before this is called (app/oauth/authorize).
 */
export async function saveAuthorizationCode(
  viewer: ActiveSession,
  input: { code: string; clientId: string; redirectUri: string; codeChallenge: string; expiresAt: Date },
): Promise<void> {
  if (viewer.audience !== "customer" || viewer.secondFactorPending) throw new Error("Only a signed-in customer can approve an app.");
  await db.oAuthAuthorizationCode.create({
    data: {
      codeHash: hashToken(input.code),
      clientId: input.clientId,
      userId: viewer.userId,
      redirectUri: input.redirectUri,
      codeChallenge: input.codeChallenge,
      authMethod: viewer.assurance.method,
      passwordVerifiedAt: viewer.assurance.passwordVerifiedAt,
      secondFactorVerifiedAt: viewer.assurance.secondFactorVerifiedAt,
      expiresAt: input.expiresAt,
    },
    select: { id: true },
  });
}

/**
 * The unredeemed code, or null. A code presented a second time (OAuth 2.1
 * §4.1.3: it may have been stolen) ends the app session the first redemption
 * opened and records `oauth_code_reused`.
 */
export async function findAuthorizationCode(code: string, context: RequestContext): Promise<AuthorizationCodeGrant | null> {
  if (!isWellFormedToken(code)) return null;
  const row = await db.oAuthAuthorizationCode.findUnique({
    where: { codeHash: hashToken(code) },
    select: {
      id: true, userId: true, clientId: true, redirectUri: true, codeChallenge: true, expiresAt: true, usedAt: true, sessionId: true,
      authMethod: true, passwordVerifiedAt: true, secondFactorVerifiedAt: true,
    },
  });
  if (!row) return null;
  if (row.usedAt) {
    await db.$transaction(async (tx) => {
      const ended = row.sessionId
        ? await tx.session.updateMany({ where: { id: row.sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: "oauth_code_reused" } })
        : { count: 0 };
      await recordSecurityEvent(tx, { type: "oauth_code_reused", userId: row.userId, context, details: { clientId: row.clientId, sessionEnded: ended.count > 0 } });
      if (ended.count > 0) await notifyAppTokenReplayed(tx, row.userId);
    });
    return null;
  }
  return {
    codeId: row.id,
    userId: row.userId,
    clientId: row.clientId,
    redirectUri: row.redirectUri,
    codeChallenge: row.codeChallenge,
    expiresAt: row.expiresAt,
    authMethod: row.authMethod,
    passwordVerifiedAt: row.passwordVerifiedAt,
    secondFactorVerifiedAt: row.secondFactorVerifiedAt,
  };
}

/** Marks a code redeemed; false when another request redeemed it first (so exactly one exchange wins). */
export async function consumeAuthorizationCode(codeId: string): Promise<boolean> {
  const result = await db.oAuthAuthorizationCode.updateMany({ where: { id: codeId, usedAt: null }, data: { usedAt: new Date() } });
  return result.count === 1;
}
