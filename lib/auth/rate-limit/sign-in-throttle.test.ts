import { afterAll, describe, expect, it } from "vitest";
import { UNKNOWN_IP } from "@/lib/http/client-ip";
import type { ThrottleDecision } from "./decision";
import { accountKey, ipKey } from "./keys";
import { createSignInThrottle } from "./sign-in-throttle";
import { closeLimiterStore, createPostgresStore } from "./store";
import { deleteKeys, randomEmail, randomIp, testPostgresStore, testPrefix } from "./test-support";

const { store, pool } = testPostgresStore();
const prefix = testPrefix("signin");
const throttle = createSignInThrottle({ store, keyPrefix: prefix });

afterAll(async () => {
  await deleteKeys(pool, prefix);
  await closeLimiterStore(store);
});

/** Asserts a refusal with an integer Retry-After in [min, max] seconds and returns it. */
function expectRefused(decision: ThrottleDecision, scope: "ip" | "account" | "device" | "store", min: number, max: number): number {
  if (decision.allowed) throw new Error(`expected a refusal (${scope}), got allowed`);
  expect(decision.scope).toBe(scope);
  expect(Number.isInteger(decision.retryAfterSeconds)).toBe(true);
  expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(min);
  expect(decision.retryAfterSeconds).toBeLessThanOrEqual(max);
  return decision.retryAfterSeconds;
}

/** Pretends the account+address lock has run out (no waiting in tests). */
async function expireAccountIpLock(email: string, ip: string): Promise<void> {
  const key = `${prefix}:acct-ip-lock:${accountKey(email)}:${ipKey(ip)}`;
  const { rowCount } = await pool.query("UPDATE rate_limits SET expire = 0 WHERE key = $1", [key]);
  expect(rowCount).toBe(1);
}

async function fail(email: string, ip: string, times: number): Promise<ThrottleDecision> {
  let last: ThrottleDecision = { allowed: true };
  for (let i = 0; i < times; i += 1) last = await throttle.recordFailure({ email, ip });
  return last;
}

describe("sign-in throttle on PostgreSQL (ASVS V6.3.1, NIST 800-63B §3.2.2)", () => {
  it("allows 5 failures for an account+address, then refuses for about 60 s", async () => {
    const attempt = { email: randomEmail(), ip: randomIp() };
    for (let i = 1; i <= 4; i += 1) {
      await expect(throttle.check(attempt)).resolves.toEqual({ allowed: true });
      await expect(throttle.recordFailure(attempt)).resolves.toEqual({ allowed: true });
    }
    await expect(throttle.check(attempt)).resolves.toEqual({ allowed: true });
    expectRefused(await throttle.recordFailure(attempt), "account", 59, 60);
    expectRefused(await throttle.check(attempt), "account", 59, 60);
  });

  it("doubles the lock after each further failure (1, 2, 4 minutes)", async () => {
    const { email, ip } = { email: randomEmail(), ip: randomIp() };
    expectRefused(await fail(email, ip, 5), "account", 59, 60);
    await expireAccountIpLock(email, ip);
    await expect(throttle.check({ email, ip })).resolves.toEqual({ allowed: true });
    expectRefused(await fail(email, ip, 1), "account", 119, 120);
    await expireAccountIpLock(email, ip);
    expectRefused(await fail(email, ip, 1), "account", 239, 240);
  });

  it("treats differently typed spellings of one email as one account", async () => {
    const ip = randomIp();
    const email = randomEmail();
    await fail(email, ip, 4);
    expectRefused(await fail(email.trim().toUpperCase(), ip, 1), "account", 59, 60);
  });

  it("starts afresh after a successful sign-in", async () => {
    const attempt = { email: randomEmail(), ip: randomIp() };
    await fail(attempt.email, attempt.ip, 4);
    await throttle.recordSuccess(attempt);
    await expect(fail(attempt.email, attempt.ip, 4)).resolves.toEqual({ allowed: true });
    // Lock history is reset too: the next lock is the first (60 s), not a doubled one.
    expectRefused(await fail(attempt.email, attempt.ip, 1), "account", 59, 60);
  });

  it("does not lock the owner out from their own address because of another address", async () => {
    const email = randomEmail();
    const attacker = randomIp();
    expectRefused(await fail(email, attacker, 5), "account", 59, 60);
    await expect(throttle.check({ email, ip: randomIp() })).resolves.toEqual({ allowed: true });
  });

  it("locks an account for 15 minutes after 100 failures spread over many addresses", async () => {
    const email = randomEmail();
    const ips = Array.from({ length: 25 }, (_, i) => `192.0.2.${i + 1}`);
    for (const [index, ip] of ips.entries()) {
      const decision = await fail(email, ip, 4);
      if (index < ips.length - 1) expect(decision).toEqual({ allowed: true });
      else expectRefused(decision, "account", 899, 900);
    }
    expectRefused(await throttle.check({ email, ip: randomIp() }), "account", 899, 900);
    await expect(throttle.check({ email: randomEmail(), ip: randomIp() })).resolves.toEqual({ allowed: true });
  });

  it("blocks one address spraying many accounts after 20 failures, for 15 minutes", async () => {
    const ip = randomIp();
    for (let i = 1; i <= 19; i += 1) await expect(fail(randomEmail(), ip, 1)).resolves.toEqual({ allowed: true });
    expectRefused(await fail(randomEmail(), ip, 1), "ip", 899, 900);
    expectRefused(await throttle.check({ email: randomEmail(), ip }), "ip", 899, 900);
    await expect(throttle.check({ email: randomEmail(), ip: randomIp() })).resolves.toEqual({ allowed: true });
  });

  it("counts an IPv6 /64 as one address", async () => {
    for (let i = 1; i <= 19; i += 1) await fail(randomEmail(), `2001:db8:0:7::${i.toString(16)}`, 1);
    expectRefused(await fail(randomEmail(), "2001:db8:0:7::ffff", 1), "ip", 899, 900);
  });

  it("without a trusted address, skips IP limits instead of sharing one bucket shop-wide", async () => {
    for (let i = 1; i <= 20; i += 1) {
      await expect(fail(randomEmail(), UNKNOWN_IP, 1)).resolves.toEqual({ allowed: true });
    }
    await expect(throttle.check({ email: randomEmail(), ip: UNKNOWN_IP })).resolves.toEqual({ allowed: true });
  });

  it("fails closed when the store is unreachable, as a store failure (never as too many attempts)", async () => {
    const deadStore = createPostgresStore("postgresql://postgres@127.0.0.1:1/nowhere", 1);
    const dead = createSignInThrottle({ store: deadStore, keyPrefix: prefix });
    const attempt = { email: randomEmail(), ip: randomIp() };
    try {
      expectRefused(await dead.check(attempt), "store", 1, 60);
      expectRefused(await dead.recordFailure(attempt), "store", 1, 60);
      await expect(dead.recordSuccess(attempt)).resolves.toBeUndefined();
    } finally {
      await closeLimiterStore(deadStore);
    }
  });

  it("keeps no email or address in the clear in its keys", async () => {
    const email = randomEmail();
    const ip = randomIp();
    await fail(email, ip, 1);
    const { rows } = await pool.query<{ key: string }>("SELECT key FROM rate_limits WHERE key LIKE $1", [`${prefix}:%`]);
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) {
      expect(key).not.toContain("@");
      expect(key).not.toContain(ip);
    }
  });
});
