import * as argon2 from "argon2";
import { describe, expect, it } from "vitest";
import { hashPassword, passwordHasherStats, verifyDummyPassword, verifyPassword } from "./hashing";

const PASSWORD = "correct horse battery staple";

describe("hashPassword / verifyPassword", () => {
  it("hashes with Argon2id and the OWASP minimum parameters", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(hash).not.toContain(PASSWORD);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(hash, PASSWORD)).toEqual({ valid: true, needsRehash: false });
    expect(await verifyPassword(hash, "correct horse battery stapler")).toEqual({ valid: false, needsRehash: false });
    // No case folding (ASVS V6.2.8).
    expect((await verifyPassword(hash, PASSWORD.toUpperCase())).valid).toBe(false);
  });

  it("asks for a re-hash when a right password's hash used weaker parameters", async () => {
    const weak = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(await verifyPassword(weak, PASSWORD)).toEqual({ valid: true, needsRehash: true });
    // A wrong password never triggers a re-hash (there is nothing to re-hash it with).
    expect(await verifyPassword(weak, "not the password at all")).toEqual({ valid: false, needsRehash: false });
  });

  it("asks for a re-hash of an argon2i hash even with the current cost", async () => {
    const argon2i = await argon2.hash(PASSWORD, { type: argon2.argon2i, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(argon2i, PASSWORD)).toEqual({ valid: true, needsRehash: true });
  });

  it("a peppered hash does not verify without the pepper", async () => {
    const secret = Buffer.from("a-pepper-of-at-least-thirty-two-characters", "utf8");
    const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
    const peppered = await argon2.hash(PASSWORD, { ...options, secret });
    expect(await argon2.verify(peppered, PASSWORD, { secret })).toBe(true);
    expect(await argon2.verify(peppered, PASSWORD)).toBe(false);
    expect(await argon2.verify(peppered, PASSWORD, { secret: Buffer.from("another-pepper-of-thirty-two-chars!!") })).toBe(false);
    // The module's own hashes (no pepper configured in tests) verify without one.
    expect(await argon2.verify(await hashPassword(PASSWORD), PASSWORD)).toBe(true);
  });

  it("verifyDummyPassword runs a real Argon2 verification", async () => {
    await verifyDummyPassword(PASSWORD); // first call also creates the dummy hash
    const before = passwordHasherStats().completed;
    const started = performance.now();
    await verifyDummyPassword(PASSWORD);
    const dummyMs = performance.now() - started;
    expect(passwordHasherStats().completed).toBe(before + 1);

    const hash = await hashPassword(PASSWORD);
    const realStarted = performance.now();
    await verifyPassword(hash, "a wrong password guess");
    const realMs = performance.now() - realStarted;
    // Same parameters, so the same order of cost (generous bounds: CI timing is noisy).
    expect(dummyMs).toBeGreaterThan(realMs / 4);
    expect(dummyMs).toBeLessThan(realMs * 4);
  });

  it("reports idle stats between calls", () => {
    const stats = passwordHasherStats();
    expect(stats.active).toBe(0);
    expect(stats.pending).toBe(0);
    expect(stats.completed).toBeGreaterThan(0);
  });
});

describe("Unicode normalization", () => {
  it("matches a password typed with composed or decomposed characters, and nothing else", async () => {
    const composed = "caf\u00e9 au lait, s'il vous pla\u00eet";
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    const hash = await hashPassword(composed);
    expect((await verifyPassword(hash, decomposed)).valid).toBe(true);
    expect((await verifyPassword(hash, composed.toUpperCase())).valid).toBe(false);
  });
});
