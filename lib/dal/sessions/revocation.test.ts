import { describe, expect, it } from "vitest";
import { generateToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { findActiveSession, isPersistentSessionToken, revokeSessionByToken, revokeUserSessions } from "./sessions";
import { sessionFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const context = { ip: "203.0.113.11", userAgent: "vitest session revocation" };
const { createUser, openSession, sessionRow } = sessionFixtures(context);

describe("isPersistentSessionToken", () => {
  it("is true only for a Remember me session", async () => {
    const user = await createUser();
    const persistent = await openSession(user.id, { persistent: true });
    const browser = await openSession(user.id, { persistent: false });
    await expect(isPersistentSessionToken(persistent.token)).resolves.toBe(true);
    await expect(isPersistentSessionToken(browser.token)).resolves.toBe(false);
    await expect(isPersistentSessionToken(generateToken())).resolves.toBe(false);
    await expect(isPersistentSessionToken("not a token")).resolves.toBe(false);
  });
});

describe("revokeSessionByToken", () => {
  it("ends the session and records signed_out", async () => {
    const user = await createUser();
    const { token, sessionId } = await openSession(user.id);
    await revokeSessionByToken(token, context);
    await expect(findActiveSession(token)).resolves.toBeNull();
    const row = await sessionRow(sessionId);
    expect(row.revokedAt).not.toBeNull();
    expect(row.revokedReason).toBe("signed_out");
    const events = await db.securityEvent.findMany({ where: { userId: user.id, type: "signed_out" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.ip).toBe(context.ip);
    expect(JSON.stringify(events)).not.toContain(token);

    // Signing out again changes nothing and records nothing more.
    await revokeSessionByToken(token, context);
    await expect(db.securityEvent.count({ where: { userId: user.id, type: "signed_out" } })).resolves.toBe(1);
  });

  it("ignores unknown and malformed tokens", async () => {
    const user = await createUser();
    const { token } = await openSession(user.id);
    await revokeSessionByToken(generateToken(), context);
    await revokeSessionByToken("garbage", context);
    await expect(findActiveSession(token)).resolves.not.toBeNull();
  });
});

describe("revokeUserSessions", () => {
  it("ends every live session except the kept one, and no one else's", async () => {
    const user = await createUser();
    const other = await createUser();
    const keep = await openSession(user.id);
    const first = await openSession(user.id);
    const second = await openSession(user.id, { persistent: true });
    const bystander = await openSession(other.id);

    const ended = await db.$transaction((tx) => revokeUserSessions(tx, user.id, { keep: keep.sessionId, reason: "test_keep" }));
    expect(ended).toBe(2);
    await expect(findActiveSession(keep.token)).resolves.not.toBeNull();
    await expect(findActiveSession(first.token)).resolves.toBeNull();
    await expect(findActiveSession(second.token)).resolves.toBeNull();
    await expect(findActiveSession(bystander.token)).resolves.not.toBeNull();
    expect((await sessionRow(first.sessionId)).revokedReason).toBe("test_keep");
  });

  it("ends all of them with keep: null", async () => {
    const user = await createUser();
    const a = await openSession(user.id);
    const b = await openSession(user.id);
    const ended = await db.$transaction((tx) => revokeUserSessions(tx, user.id, { keep: null, reason: "all" }));
    expect(ended).toBe(2);
    await expect(findActiveSession(a.token)).resolves.toBeNull();
    await expect(findActiveSession(b.token)).resolves.toBeNull();
  });
});
