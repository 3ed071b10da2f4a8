import "server-only";
import { owesSecondFactor, type SessionAssurance, type SessionAuthMethod, stepUpProvenAt } from "@/lib/auth/session/assurance";
import { type SessionAudience, sessionLifetimes } from "@/lib/auth/session/lifetimes";
import { generateToken, hashToken, isWellFormedToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import type { RequestContext } from "@/lib/context/request-context";

/**
 * Server-side sessions (ARCHITECTURE "Authentication and sessions"): the cookie
 * holds a random token, the row holds its hash. Every request looks the row up,
 * so ending a session takes effect on that device's very next request.
 */
export type ActiveSession = {
  sessionId: string;
  userId: string;
  audience: SessionAudience;
  persistent: boolean;
  /**
   * A second factor is still owed: the password was right and the challenge is
   * open, or the account has two-factor on and this session never proved it.
   * Grants nothing but the challenge.
   */
  secondFactorPending: boolean;
  /**
   * When this session last proved what a step-up asks of it (the second factor
   * once the account has one, otherwise the password or either factor).
   */
  reauthenticatedAt: Date | null;
  /** How this session was authenticated and when each factor was last proven. */
  assurance: SessionAssurance;
  user: { name: string; email: string; emailVerified: boolean; twoFactorEnabled: boolean };
};

/** Writing lastSeenAt on every request would turn reads into writes; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  tx: Prisma.TransactionClient,
  input: {
    userId: string;
    audience: SessionAudience;
    persistent: boolean;
    context: RequestContext;
    secondFactorPending?: boolean;
    /** The factors proven to open it (default: the password, now). */
    method?: SessionAuthMethod;
    /** When the password was proven, if earlier than now (a session opened after the challenge). */
    passwordVerifiedAt?: Date;
    /** When the second factor was proven, if earlier than now (an app session opened from a browser's approval). */
    secondFactorVerifiedAt?: Date | null;
    /** The OAuth client of an app session (lib/dal/oauth); unset for a browser session. */
    clientId?: string;
  },
): Promise<{ token: string; sessionId: string }> {
  const token = generateToken();
  const now = Date.now();
  const pending = input.secondFactorPending ?? false;
  const method = pending ? "password" : (input.method ?? "password");
  // A session waiting for its second factor lives only as long as the challenge may take.
  const lifetimes = pending
    ? { idleMs: env.TWO_FACTOR_CHALLENGE_MINUTES * 60_000, absoluteMs: env.TWO_FACTOR_CHALLENGE_MINUTES * 60_000 }
    : sessionLifetimes(input.audience, input.persistent);
  const absoluteExpiresAt = new Date(now + lifetimes.absoluteMs);
  const row = await tx.session.create({
    data: {
      tokenHash: hashToken(token),
      userId: input.userId,
      persistent: input.persistent,
      idleExpiresAt: new Date(Math.min(now + lifetimes.idleMs, absoluteExpiresAt.getTime())),
      absoluteExpiresAt,
      ip: input.context.ip.slice(0, 45),
      userAgent: input.context.userAgent.slice(0, 400),
      secondFactorPending: pending,
      authMethod: method,
      passwordVerifiedAt: input.passwordVerifiedAt ?? new Date(now),
      secondFactorVerifiedAt: method === "password" ? null : (input.secondFactorVerifiedAt ?? new Date(now)),
      clientId: input.clientId ?? null,
    },
    select: { id: true },
  });
  return { token, sessionId: row.id };
}

/** The live session for a cookie token, or null (unknown, revoked, idle too long or too old). */
export async function findActiveSession(token: string): Promise<ActiveSession | null> {
  if (!isWellFormedToken(token)) return null;
  return loadActiveSession({ tokenHash: hashToken(token), clientId: null });
}

/**
 * The live app (device) session an access token belongs to (lib/dal/oauth), by
 * id, with the same checks as a cookie's: revoked, idle or expired is null.
 */
export async function findActiveAppSession(sessionId: string): Promise<ActiveSession | null> {
  return loadActiveSession({ id: sessionId, clientId: { not: null } });
}

async function loadActiveSession(where: Prisma.SessionWhereInput): Promise<ActiveSession | null> {
  const row = await db.session.findFirst({
    where,
    select: {
      id: true,
      userId: true,
      persistent: true,
      revokedAt: true,
      lastSeenAt: true,
      idleExpiresAt: true,
      absoluteExpiresAt: true,
      secondFactorPending: true,
      authMethod: true,
      passwordVerifiedAt: true,
      secondFactorVerifiedAt: true,
      user: { select: { name: true, email: true, emailVerifiedAt: true, kind: true, totpEnabledAt: true, deactivatedAt: true } },
    },
  });
  const now = Date.now();
  // A deactivated (staff) account's sessions are revoked when it is deactivated; this also covers any missed.
  if (!row || row.revokedAt || row.user.deactivatedAt || row.idleExpiresAt.getTime() <= now || row.absoluteExpiresAt.getTime() <= now) {
    return null;
  }
  const audience: SessionAudience = row.user.kind === "staff" ? "staff" : "customer";
  const accountHasTwoFactor = row.user.totpEnabledAt !== null;
  const assurance: SessionAssurance = {
    method: row.authMethod,
    passwordVerifiedAt: row.passwordVerifiedAt,
    secondFactorVerifiedAt: row.secondFactorVerifiedAt,
  };
  const pending = owesSecondFactor({ challengeOpen: row.secondFactorPending, accountHasTwoFactor, assurance });
  if (!pending && now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    const { idleMs } = sessionLifetimes(audience, row.persistent);
    await db.session.update({
      where: { id: row.id },
      data: {
        lastSeenAt: new Date(now),
        idleExpiresAt: new Date(Math.min(now + idleMs, row.absoluteExpiresAt.getTime())),
      },
    });
  }
  return {
    sessionId: row.id,
    userId: row.userId,
    audience,
    persistent: row.persistent,
    secondFactorPending: pending,
    reauthenticatedAt: pending ? null : stepUpProvenAt(assurance, accountHasTwoFactor),
    assurance,
    user: {
      name: row.user.name,
      email: row.user.email,
      emailVerified: row.user.emailVerifiedAt !== null,
      twoFactorEnabled: accountHasTwoFactor,
    },
  };
}

/** Whether a cookie token belongs to a persistent ("Remember me") session; for cookie attributes only. */
export async function isPersistentSessionToken(token: string): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const row = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, select: { persistent: true } });
  return row?.persistent ?? false;
}

/** Ends the session behind a cookie token (sign-out). */
export async function revokeSessionByToken(token: string, context: RequestContext): Promise<void> {
  if (!isWellFormedToken(token)) return;
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, userId: true, revokedAt: true },
    });
    if (!session || session.revokedAt) return;
    await tx.session.update({ where: { id: session.id }, data: { revokedAt: new Date(), revokedReason: "signed_out" } });
    await recordSecurityEvent(tx, { type: "signed_out", userId: session.userId, context });
  });
}

/** Ends every live session of a user except `keep` (null: all of them). Returns how many ended. */
export async function revokeUserSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  options: { keep: string | null; reason: string },
): Promise<number> {
  const result = await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(options.keep ? { id: { not: options.keep } } : {}) },
    data: { revokedAt: new Date(), revokedReason: options.reason.slice(0, 40) },
  });
  return result.count;
}
