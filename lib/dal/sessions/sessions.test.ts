import { describe, expect, it } from "vitest";
import { sessionLifetimes } from "@/lib/auth/session/lifetimes";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { env } from "@/lib/env";
import { findActiveSession } from "./sessions";
import { sessionFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const minute = 60_000;
const context = { ip: "203.0.113.10", userAgent: "vitest sessions" };
const { createUser, openSession, sessionRow } = sessionFixtures(context);

describe("createSession", () => {
  it("stores only the token's hash, never the token", async () => {
    const user = await createUser();
    const { token, sessionId } = await openSession(user.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await sessionRow(sessionId);
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toBe(token);
    expect(JSON.stringify(row)).not.toContain(token);
    // Nothing anywhere in the table holds the raw token.
    await expect(
      db.session.count({ where: { OR: [{ tokenHash: token }, { ip: token }, { userAgent: token }] } }),
    ).resolves.toBe(0);
    expect(row.ip).toBe(context.ip);
    expect(row.userAgent).toBe(context.userAgent);
  });

  it("sets the browser-session lifetimes for a customer without Remember me", async () => {
    const user = await createUser();
    const before = Date.now();
    const { sessionId } = await openSession(user.id, { persistent: false });
    const after = Date.now();
    const row = await sessionRow(sessionId);
    const { idleMs, absoluteMs } = sessionLifetimes("customer", false);
    expect(row.persistent).toBe(false);
    expect(row.idleExpiresAt.getTime()).toBeGreaterThanOrEqual(before + idleMs - 1);
    expect(row.idleExpiresAt.getTime()).toBeLessThanOrEqual(after + idleMs);
    expect(row.absoluteExpiresAt.getTime()).toBeGreaterThanOrEqual(before + absoluteMs - 1);
    expect(row.absoluteExpiresAt.getTime()).toBeLessThanOrEqual(after + absoluteMs);
  });
});

describe("findActiveSession", () => {
  it("returns the user and the audience of a live session", async () => {
    const user = await createUser();
    const { token, sessionId } = await openSession(user.id, { persistent: true });
    await expect(findActiveSession(token)).resolves.toEqual({
      sessionId,
      userId: user.id,
      audience: "customer",
      persistent: true,
      secondFactorPending: false,
      reauthenticatedAt: expect.any(Date),
      assurance: { method: "password", passwordVerifiedAt: expect.any(Date), secondFactorVerifiedAt: null },
      user: { name: user.name, email: user.email, emailVerified: true, twoFactorEnabled: false },
    });
  });

  it("reports the staff audience for a staff account", async () => {
    const user = await createUser("staff");
    const { token } = await openSession(user.id, { audience: "staff" });
    const session = await findActiveSession(token);
    expect(session?.audience).toBe("staff");
    expect(session?.userId).toBe(user.id);
  });

  it("returns null for an unknown token", async () => {
    await expect(findActiveSession(generateToken())).resolves.toBeNull();
  });

  it("returns null for a malformed token, even one whose hash is stored", async () => {
    const user = await createUser();
    const { token, sessionId } = await openSession(user.id);
    const malformed = `${token}!`;
    await db.session.update({ where: { id: sessionId }, data: { tokenHash: hashToken(malformed) } });
    await expect(findActiveSession(malformed)).resolves.toBeNull();
    await expect(findActiveSession("")).resolves.toBeNull();
    await expect(findActiveSession(token.slice(0, 42))).resolves.toBeNull();
  });

  it("returns null for a revoked session", async () => {
    const user = await createUser();
    const { token, sessionId } = await openSession(user.id);
    await expect(findActiveSession(token)).resolves.not.toBeNull();
    await db.session.update({ where: { id: sessionId }, data: { revokedAt: new Date(), revokedReason: "test" } });
    await expect(findActiveSession(token)).resolves.toBeNull();
  });

  it("returns null once the idle lifetime has run out", async () => {
    const user = await createUser();
    const { token, sessionId } = await openSession(user.id, { persistent: true });
    await db.session.update({ where: { id: sessionId }, data: { idleExpiresAt: new Date(Date.now() - 1000) } });
    await expect(findActiveSession(token)).resolves.toBeNull();
    // Looking it up did not bring it back to life.
    const row = await sessionRow(sessionId);
    expect(row.idleExpiresAt.getTime()).toBeLessThan(Date.now());
    await expect(findActiveSession(token)).resolves.toBeNull();
  });

  it("returns null once the absolute lifetime has run out, even if recently active", async () => {
    const user = await createUser();
    const { token, sessionId } = await openSession(user.id, { persistent: true });
    await db.session.update({ where: { id: sessionId }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });
    await expect(findActiveSession(token)).resolves.toBeNull();
  });

  it("moves lastSeenAt and the idle expiry forward when last seen over a minute ago", async () => {
    const user = await createUser();
    const { token, sessionId } = await openSession(user.id, { persistent: false });
    const twoMinutesAgo = new Date(Date.now() - 2 * minute);
    const staleIdle = new Date(Date.now() + 10 * minute);
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: twoMinutesAgo, idleExpiresAt: staleIdle } });

    const before = Date.now();
    await expect(findActiveSession(token)).resolves.not.toBeNull();
    const after = Date.now();
    const row = await sessionRow(sessionId);
    const { idleMs } = sessionLifetimes("customer", false);
    expect(row.lastSeenAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(row.lastSeenAt.getTime()).toBeLessThanOrEqual(after);
    expect(row.idleExpiresAt.getTime()).toBeGreaterThanOrEqual(before + idleMs - 1);
    expect(row.idleExpiresAt.getTime()).toBeLessThanOrEqual(after + idleMs);
  });

  it("does not write when last seen less than a minute ago", async () => {
    const user = await createUser();
    const { token, sessionId } = await openSession(user.id);
    const recent = new Date(Date.now() - 10_000);
    const idle = new Date(Date.now() + 10 * minute);
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: recent, idleExpiresAt: idle } });
    await findActiveSession(token);
    const row = await sessionRow(sessionId);
    expect(row.lastSeenAt.getTime()).toBe(recent.getTime());
    expect(row.idleExpiresAt.getTime()).toBe(idle.getTime());
  });

  it("never moves the idle expiry beyond the absolute expiry", async () => {
    const user = await createUser();
    const { token, sessionId } = await openSession(user.id, { persistent: true });
    const absolute = new Date(Date.now() + 5 * minute);
    await db.session.update({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(Date.now() - 2 * minute), idleExpiresAt: new Date(Date.now() + minute), absoluteExpiresAt: absolute },
    });
    await expect(findActiveSession(token)).resolves.not.toBeNull();
    const row = await sessionRow(sessionId);
    expect(row.idleExpiresAt.getTime()).toBe(absolute.getTime());
    expect(row.absoluteExpiresAt.getTime()).toBe(absolute.getTime());
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - minute);
  });

  it("gives a staff account the staff lifetimes even when it ticked Remember me", async () => {
    expect(env.SESSION_STAFF_IDLE_MINUTES).toBe(30);
    const user = await createUser("staff");
    const before = Date.now();
    const { token, sessionId } = await openSession(user.id, { audience: "staff", persistent: true });
    const created = await sessionRow(sessionId);
    expect(created.idleExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * minute);
    expect(created.idleExpiresAt.getTime()).toBeGreaterThanOrEqual(before + 30 * minute - 1);
    expect(created.absoluteExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + env.SESSION_STAFF_ABSOLUTE_MINUTES * minute);

    // On touch, the audience comes from the account: a staff session never gets the 14-day idle time.
    await db.session.update({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(Date.now() - 2 * minute), idleExpiresAt: new Date(Date.now() + 5 * minute) },
    });
    const touchBefore = Date.now();
    const session = await findActiveSession(token);
    expect(session?.audience).toBe("staff");
    expect(session?.persistent).toBe(true);
    const touched = await sessionRow(sessionId);
    expect(touched.idleExpiresAt.getTime()).toBeGreaterThanOrEqual(touchBefore + 30 * minute - 1);
    expect(touched.idleExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * minute);
  });

  it("applies staff lifetimes on touch to a staff account's session opened with customer lifetimes", async () => {
    const user = await createUser("staff");
    const { token, sessionId } = await openSession(user.id, { audience: "customer", persistent: true });
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - 2 * minute) } });
    await findActiveSession(token);
    const touched = await sessionRow(sessionId);
    expect(touched.idleExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * minute);
  });
});
