import "server-only";
import { db } from "@/lib/db";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { type ActiveSession, revokeUserSessions } from "./sessions";
import type { RequestContext } from "@/lib/context/request-context";

/** A session as its owner sees it on /account/security (V7.5.2). */
export type CustomerSessionDTO = {
  id: string;
  current: boolean;
  /** An app (device) session opened through /oauth/authorize, rather than a browser's. */
  app: boolean;
  persistent: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
};

export async function listMySessions(viewer: ActiveSession): Promise<CustomerSessionDTO[]> {
  const now = new Date();
  const rows = await db.session.findMany({
    where: { userId: viewer.userId, revokedAt: null, idleExpiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
    select: { id: true, persistent: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true, clientId: true },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map(({ clientId, ...row }) => ({ ...row, app: clientId !== null, current: row.id === viewer.sessionId }));
}

/**
 * Ends one of the viewer's own sessions. The owner check is part of the
 * query: another user's session id ends nothing and reports false (V8.2.2).
 */
export async function revokeMySession(viewer: ActiveSession, sessionId: string, context: RequestContext) {
  return db.$transaction(async (tx) => {
    const result = await tx.session.updateMany({
      where: { id: sessionId, userId: viewer.userId, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: "revoked_by_user" },
    });
    if (result.count === 0) return false;
    await recordSecurityEvent(tx, { type: "session_revoked", userId: viewer.userId, context, details: { sessionId } });
    return true;
  });
}

/** Ends the viewer's other sessions, or all of them ("sign out everywhere"). Returns how many ended. */
export async function revokeMySessions(viewer: ActiveSession, scope: "others" | "all", context: RequestContext) {
  return db.$transaction(async (tx) => {
    const keep = scope === "others" ? viewer.sessionId : null;
    const ended = await revokeUserSessions(tx, viewer.userId, { keep, reason: `revoked_${scope}` });
    await recordSecurityEvent(tx, { type: "sessions_revoked", userId: viewer.userId, context, details: { scope, ended } });
    return ended;
  });
}
