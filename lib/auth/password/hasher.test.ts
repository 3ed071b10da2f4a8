import * as argon2 from "argon2";
import { describe, expect, it } from "vitest";
import { createPasswordHasher, PasswordHasherBusyError, type Argon2Like } from "./hasher";

const params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** An argon2 stand-in that records how many operations overlap. */
function fakeArgon2(delayMs: number) {
  const seen = { running: 0, maxRunning: 0, calls: 0 };
  const track = async <T>(value: T): Promise<T> => {
    seen.calls += 1;
    seen.running += 1;
    seen.maxRunning = Math.max(seen.maxRunning, seen.running);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    seen.running -= 1;
    return value;
  };
  const fake: Argon2Like = {
    hash: (password) => track(`$argon2id$v=19$m=19456,t=2,p=1$salt$${password.length}`),
    verify: () => track(false),
    needsRehash: () => false,
  };
  return { fake, seen };
}

describe("createPasswordHasher: bounded concurrency", () => {
  it("runs at most `concurrency` at once and refuses calls beyond the queue limit", async () => {
    const { fake, seen } = fakeArgon2(20);
    const hasher = createPasswordHasher({ argon2: fake, params, concurrency: 2, queueLimit: 10 });
    const digest = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";

    const calls = Array.from({ length: 200 }, () => hasher.verify(digest, "a guess of twelve+"));
    const during = hasher.stats();
    expect(during.active + during.pending).toBe(12);
    expect(during.pending).toBeGreaterThanOrEqual(10);

    const results = await Promise.allSettled(calls);
    const busy = results.filter((r) => r.status === "rejected" && r.reason instanceof PasswordHasherBusyError);
    const done = results.filter((r) => r.status === "fulfilled");
    expect(done).toHaveLength(12);
    expect(busy).toHaveLength(188);
    expect(seen.maxRunning).toBe(2);
    expect(seen.calls).toBe(12);
    expect(hasher.stats()).toEqual({ active: 0, pending: 0, completed: 12 });
  });

  it("accepts new work once the queue drains", async () => {
    const { fake } = fakeArgon2(5);
    const hasher = createPasswordHasher({ argon2: fake, params, concurrency: 1, queueLimit: 0 });
    const first = hasher.hash("first password here");
    await expect(hasher.hash("second password here")).rejects.toBeInstanceOf(PasswordHasherBusyError);
    await first;
    await expect(hasher.hash("third password here")).resolves.toMatch(/^\$argon2id\$/);
    expect(hasher.stats().completed).toBe(2);
  });

  it("never puts the password in the busy error", async () => {
    const { fake } = fakeArgon2(5);
    const hasher = createPasswordHasher({ argon2: fake, params, concurrency: 1, queueLimit: 0 });
    const secret = "my very secret password";
    const first = hasher.hash(secret);
    const error: unknown = await hasher.verify("x", secret).catch((e: unknown) => e);
    await first;
    expect(error).toBeInstanceOf(PasswordHasherBusyError);
    expect(String((error as Error).message) + String((error as Error).stack)).not.toContain(secret);
  });

  it("uses the pepper for hash, verify and the dummy hash", async () => {
    const secret = Buffer.from("a-pepper-of-at-least-thirty-two-characters", "utf8");
    const hasher = createPasswordHasher({ argon2, params, secret, concurrency: 2, queueLimit: 4 });
    const hash = await hasher.hash("peppered password!");
    expect(await argon2.verify(hash, "peppered password!")).toBe(false);
    expect(await argon2.verify(hash, "peppered password!", { secret })).toBe(true);
    expect(await hasher.verify(hash, "peppered password!")).toEqual({ valid: true, needsRehash: false });
    await hasher.verifyDummy("peppered password!");
    expect(hasher.stats().completed).toBe(4); // hash, verify, dummy hash, dummy verify
  });
});
