import { describe, expect, it } from "vitest";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { consumeToken, findValidToken, issueAccountToken, tokenLifetimesMs } from "./tokens";
import { testUsers } from "@/lib/dal/test-users";

requireTestDatabaseUrl();

const { createUser } = testUsers({ defaults: { name: "Token Tester" } });

function issue(userId: string, purpose: "verify_email" | "reset_password", email: string) {
  return db.$transaction((tx) => issueAccountToken(tx, { userId, purpose, email }));
}

describe("issueAccountToken", () => {
  it("stores only the token's hash, with the purpose's lifetime", async () => {
    const user = await createUser();
    const before = Date.now();
    const token = await issue(user.id, "reset_password", user.email);
    const after = Date.now();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.accountToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(row?.purpose).toBe("reset_password");
    expect(row?.email).toBe(user.email);
    expect(row?.usedAt).toBeNull();
    expect(row?.expiresAt.getTime()).toBeGreaterThanOrEqual(before + tokenLifetimesMs.reset_password - 1);
    expect(row?.expiresAt.getTime()).toBeLessThanOrEqual(after + tokenLifetimesMs.reset_password);
    await expect(db.accountToken.count({ where: { tokenHash: token } })).resolves.toBe(0);
  });
});

describe("findValidToken", () => {
  it("finds a token by the raw token and its purpose", async () => {
    const user = await createUser();
    const token = await issue(user.id, "verify_email", "new-address@example.test");
    const found = await findValidToken(db, token, "verify_email");
    expect(found).toEqual({ id: expect.any(String), userId: user.id, email: "new-address@example.test" });
  });

  it("does not consume the token", async () => {
    const user = await createUser();
    const token = await issue(user.id, "verify_email", user.email);
    await findValidToken(db, token, "verify_email");
    await expect(findValidToken(db, token, "verify_email")).resolves.not.toBeNull();
  });

  it("returns null for the wrong purpose", async () => {
    const user = await createUser();
    const token = await issue(user.id, "verify_email", user.email);
    await expect(findValidToken(db, token, "reset_password")).resolves.toBeNull();
  });

  it("returns null for unknown, malformed, or hash-instead-of-token input", async () => {
    const user = await createUser();
    const token = await issue(user.id, "reset_password", user.email);
    await expect(findValidToken(db, generateToken(), "reset_password")).resolves.toBeNull();
    await expect(findValidToken(db, "short", "reset_password")).resolves.toBeNull();
    // Someone holding a copy of the table cannot use the stored hash as a link.
    await expect(findValidToken(db, hashToken(token), "reset_password")).resolves.toBeNull();
  });

  it("returns null once the token has expired", async () => {
    const user = await createUser();
    const token = await issue(user.id, "reset_password", user.email);
    await db.accountToken.updateMany({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(findValidToken(db, token, "reset_password")).resolves.toBeNull();
  });
});

describe("consumeToken", () => {
  it("is single-use", async () => {
    const user = await createUser();
    const token = await issue(user.id, "reset_password", user.email);
    const valid = await findValidToken(db, token, "reset_password");
    if (!valid) throw new Error("token not found");
    await expect(db.$transaction((tx) => consumeToken(tx, valid.id))).resolves.toBe(true);
    await expect(db.$transaction((tx) => consumeToken(tx, valid.id))).resolves.toBe(false);
    await expect(findValidToken(db, token, "reset_password")).resolves.toBeNull();
    const row = await db.accountToken.findUniqueOrThrow({ where: { id: valid.id } });
    expect(row.usedAt).not.toBeNull();
  });

  it("lets exactly one of two concurrent consumers win", async () => {
    for (let round = 0; round < 5; round += 1) {
      const user = await createUser();
      const token = await issue(user.id, "reset_password", user.email);
      const valid = await findValidToken(db, token, "reset_password");
      if (!valid) throw new Error("token not found");
      const results = await Promise.all([
        db.$transaction((tx) => consumeToken(tx, valid.id)),
        db.$transaction((tx) => consumeToken(tx, valid.id)),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it("is false for an unknown id", async () => {
    await expect(db.$transaction((tx) => consumeToken(tx, "no-such-token-id"))).resolves.toBe(false);
  });
});

describe("issuing a new token", () => {
  it("retires the previous unused token of the same purpose only", async () => {
    const user = await createUser();
    const firstReset = await issue(user.id, "reset_password", user.email);
    const verify = await issue(user.id, "verify_email", user.email);
    const secondReset = await issue(user.id, "reset_password", user.email);
    expect(secondReset).not.toBe(firstReset);
    await expect(findValidToken(db, firstReset, "reset_password")).resolves.toBeNull();
    await expect(findValidToken(db, secondReset, "reset_password")).resolves.not.toBeNull();
    await expect(findValidToken(db, verify, "verify_email")).resolves.not.toBeNull();
  });

  it("does not retire another user's token", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const aliceToken = await issue(alice.id, "reset_password", alice.email);
    await issue(bob.id, "reset_password", bob.email);
    await expect(findValidToken(db, aliceToken, "reset_password")).resolves.not.toBeNull();
  });
});
