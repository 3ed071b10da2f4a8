import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { listMySessions, revokeMySession, revokeMySessions } from "./my-sessions";
import { type ActiveSession, createSession, findActiveSession } from "./sessions";
import { testUsers } from "@/lib/dal/test-users";

requireTestDatabaseUrl();

const context = { ip: "203.0.113.20", userAgent: "vitest my-sessions" };
const { createUser } = testUsers({ defaults: { name: "My Sessions Tester" } });

async function openSession(userId: string, userAgent = context.userAgent) {
  return db.$transaction((tx) =>
    createSession(tx, { userId, audience: "customer", persistent: false, context: { ...context, userAgent } }),
  );
}

/** A user with a signed-in viewer session. */
async function signedInUser(): Promise<{ userId: string; viewer: ActiveSession; token: string }> {
  const user = await createUser();
  const { token } = await openSession(user.id, "current browser");
  const viewer = await findActiveSession(token);
  if (!viewer) throw new Error("session not active");
  return { userId: user.id, viewer, token };
}

async function isActive(token: string) {
  return (await findActiveSession(token)) !== null;
}

describe("revokeMySession", () => {
  it("refuses another user's session id and leaves that session alive (IDOR)", async () => {
    const attacker = await signedInUser();
    const victim = await signedInUser();
    const victimSession = await openSession(victim.userId, "victim phone");

    await expect(revokeMySession(attacker.viewer, victimSession.sessionId, context)).resolves.toBe(false);
    await expect(revokeMySession(attacker.viewer, victim.viewer.sessionId, context)).resolves.toBe(false);

    expect(await isActive(victimSession.token)).toBe(true);
    expect(await isActive(victim.token)).toBe(true);
    const row = await db.session.findUniqueOrThrow({ where: { id: victimSession.sessionId } });
    expect(row.revokedAt).toBeNull();
    await expect(db.securityEvent.count({ where: { userId: attacker.userId, type: "session_revoked" } })).resolves.toBe(0);
    await expect(db.securityEvent.count({ where: { userId: victim.userId, type: "session_revoked" } })).resolves.toBe(0);
  });

  it("ends one of the viewer's own sessions and records session_revoked", async () => {
    const me = await signedInUser();
    const phone = await openSession(me.userId, "my phone");

    await expect(revokeMySession(me.viewer, phone.sessionId, context)).resolves.toBe(true);
    expect(await isActive(phone.token)).toBe(false);
    expect(await isActive(me.token)).toBe(true);
    const row = await db.session.findUniqueOrThrow({ where: { id: phone.sessionId } });
    expect(row.revokedReason).toBe("revoked_by_user");

    const events = await db.securityEvent.findMany({ where: { userId: me.userId, type: "session_revoked" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toEqual({ sessionId: phone.sessionId });

    // Already ended: false, and no second event.
    await expect(revokeMySession(me.viewer, phone.sessionId, context)).resolves.toBe(false);
    await expect(db.securityEvent.count({ where: { userId: me.userId, type: "session_revoked" } })).resolves.toBe(1);
  });

  it("is false for an id that does not exist", async () => {
    const me = await signedInUser();
    await expect(revokeMySession(me.viewer, "no-such-session", context)).resolves.toBe(false);
  });
});

describe("listMySessions", () => {
  it("lists only the viewer's live sessions and marks the current one", async () => {
    const me = await signedInUser();
    const other = await signedInUser();
    const phone = await openSession(me.userId, "my phone");
    const revoked = await openSession(me.userId, "revoked tablet");
    const idle = await openSession(me.userId, "idle laptop");
    const old = await openSession(me.userId, "old desktop");
    await db.session.update({ where: { id: revoked.sessionId }, data: { revokedAt: new Date() } });
    await db.session.update({ where: { id: idle.sessionId }, data: { idleExpiresAt: new Date(Date.now() - 1000) } });
    await db.session.update({ where: { id: old.sessionId }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });

    const sessions = await listMySessions(me.viewer);
    expect(sessions.map((session) => session.id).sort()).toEqual([me.viewer.sessionId, phone.sessionId].sort());
    expect(sessions.find((session) => session.id === me.viewer.sessionId)?.current).toBe(true);
    expect(sessions.find((session) => session.id === phone.sessionId)?.current).toBe(false);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    expect(sessions.map((session) => session.id)).not.toContain(other.viewer.sessionId);
    expect(sessions.find((session) => session.id === phone.sessionId)?.userAgent).toBe("my phone");
    // The DTO never carries the token hash or the owner.
    for (const session of sessions) {
      expect(Object.keys(session).sort()).toEqual(["app", "createdAt", "current", "id", "ip", "lastSeenAt", "persistent", "userAgent"]);
    }
  });
});

describe("revokeMySessions", () => {
  it('"others" ends every session but the current one, and no one else\'s', async () => {
    const me = await signedInUser();
    const other = await signedInUser();
    const phone = await openSession(me.userId, "my phone");
    const tablet = await openSession(me.userId, "my tablet");

    await expect(revokeMySessions(me.viewer, "others", context)).resolves.toBe(2);
    expect(await isActive(me.token)).toBe(true);
    expect(await isActive(phone.token)).toBe(false);
    expect(await isActive(tablet.token)).toBe(false);
    expect(await isActive(other.token)).toBe(true);
    const events = await db.securityEvent.findMany({ where: { userId: me.userId, type: "sessions_revoked" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toEqual({ scope: "others", ended: 2 });
    expect((await listMySessions(me.viewer)).map((session) => session.id)).toEqual([me.viewer.sessionId]);
  });

  it('"all" ends the current session too', async () => {
    const me = await signedInUser();
    const phone = await openSession(me.userId, "my phone");
    await expect(revokeMySessions(me.viewer, "all", context)).resolves.toBe(2);
    expect(await isActive(me.token)).toBe(false);
    expect(await isActive(phone.token)).toBe(false);
  });
});
