import { afterAll, describe, expect, it, vi } from "vitest";
import { limitRefusedMessage } from "@/lib/actions/action-state";
import { logger } from "@/lib/log/logger";
import { consumeAction, createActionLimiters } from "./action-limits";
import { createSignInSlots } from "./sign-in-slots";
import { createSignInThrottle } from "./sign-in-throttle";
import { closeLimiterStore, createRedisStore, limiterStoreReady, type LimiterStore } from "./store";
import { rateLimitStoreStatus } from "./store-status";
import { deleteKeys, randomEmail, randomIp, testPostgresStore, testPrefix } from "./test-support";

// Test files may read the environment directly (lib/env.ts does not know test-only servers).
// eslint-disable-next-line no-restricted-properties
const redisUrl = process.env.TEST_REDIS_URL;
/** Nothing listens on port 1: a Redis that is down. */
const DEAD_REDIS = "redis://127.0.0.1:1";

const fallback = testPostgresStore();
const prefix = testPrefix("redis-outage");
const stores: LimiterStore[] = [];

afterAll(async () => {
  await deleteKeys(fallback.pool, prefix);
  for (const store of stores) if (store.kind === "redis") store.client.disconnect();
  await closeLimiterStore(fallback.store);
});

function deadRedisWithFallback(): LimiterStore {
  const store = createRedisStore(DEAD_REDIS, fallback.store);
  stores.push(store);
  return store;
}

async function rowsUnder(keyPrefix: string): Promise<number> {
  const { rows } = await fallback.pool.query<{ n: string }>("SELECT count(*) AS n FROM rate_limits WHERE key LIKE $1", [`${keyPrefix}:%`]);
  return Number(rows[0]?.n ?? 0);
}

describe("a Redis outage does not close the shop's doors", () => {
  it("lets a first sign-in attempt through and keeps counting sign-in failures on PostgreSQL", async () => {
    const store = deadRedisWithFallback();
    const throttle = createSignInThrottle({ store, keyPrefix: `${prefix}-signin` });
    const attempt = { email: randomEmail(), ip: randomIp() };

    await expect(throttle.check(attempt)).resolves.toEqual({ allowed: true });
    for (let i = 1; i <= 4; i += 1) await expect(throttle.recordFailure(attempt)).resolves.toEqual({ allowed: true });
    // The limit still holds: the fifth failure locks this account+address, counted in PostgreSQL.
    await expect(throttle.recordFailure(attempt)).resolves.toMatchObject({ allowed: false, scope: "account" });
    await expect(throttle.check(attempt)).resolves.toMatchObject({ allowed: false, scope: "account" });
    expect(await rowsUnder(`${prefix}-signin`)).toBeGreaterThan(0);
    await expect(throttle.check({ email: randomEmail(), ip: randomIp() })).resolves.toEqual({ allowed: true });
  });

  it("keeps the sign-up limit (10 per address an hour) on PostgreSQL", async () => {
    const limiters = createActionLimiters({ store: deadRedisWithFallback(), keyPrefix: `${prefix}-action` });
    const ip = randomIp();
    for (let i = 0; i < 10; i += 1) await expect(consumeAction(limiters, "signUp", ip)).resolves.toEqual({ allowed: true });
    await expect(consumeAction(limiters, "signUp", ip)).resolves.toMatchObject({ allowed: false, scope: "ip" });
    expect(await rowsUnder(`${prefix}-action:signUp`)).toBe(1);
  });

  it("still serializes sign-in attempts on one account", async () => {
    const acquire = createSignInSlots({ store: deadRedisWithFallback(), keyPrefix: `${prefix}-slots` });
    const email = randomEmail();
    const first = await acquire({ email, ip: randomIp() });
    expect(first.decision.allowed).toBe(true);
    await expect(acquire({ email, ip: randomIp() })).resolves.toMatchObject({ decision: { allowed: false, scope: "account" } });
    await first.release();
  });

  it("answers at once during the outage, logs it once, and reports the fallback to staff", async () => {
    const errors = vi.spyOn(logger, "error");
    const store = deadRedisWithFallback();
    const throttle = createSignInThrottle({ store, keyPrefix: `${prefix}-log` });
    const started = Date.now();
    for (let i = 0; i < 5; i += 1) await throttle.check({ email: randomEmail(), ip: randomIp() });
    // Let ioredis retry the connection a few times: each retry fails again.
    await new Promise((resolve) => setTimeout(resolve, 400));
    for (let i = 0; i < 5; i += 1) await throttle.check({ email: randomEmail(), ip: randomIp() });
    expect(Date.now() - started).toBeLessThan(3_000);
    const outageLogs = errors.mock.calls.filter(([, message]) => String(message).includes("Redis unavailable"));
    expect(outageLogs).toHaveLength(1);
    expect(errors.mock.calls.filter(([, message]) => String(message).includes("refusing"))).toHaveLength(0);
    const status = rateLimitStoreStatus(store);
    expect(status).toMatchObject({ store: "redis", onFallback: true });
    expect(status.since).toBeInstanceOf(Date);
    errors.mockRestore();
  });

  it("without a fallback, refuses as 'unavailable', never as too many attempts", async () => {
    const store = createRedisStore(DEAD_REDIS);
    stores.push(store);
    const decision = await createSignInThrottle({ store, keyPrefix: `${prefix}-nofallback` }).check({ email: randomEmail(), ip: randomIp() });
    expect(decision).toMatchObject({ allowed: false, scope: "store" });
    if (decision.allowed) return;
    expect(limitRefusedMessage(decision, "Too many attempts.")).not.toMatch(/too many/i);
    expect(limitRefusedMessage(decision, "Too many attempts.")).toMatch(/temporarily unavailable/i);
  });

  it.skipIf(!redisUrl)("counts in Redis, not PostgreSQL, while Redis is up (requires TEST_REDIS_URL)", async () => {
    if (!redisUrl) throw new Error("unreachable: skipped without TEST_REDIS_URL");
    const store = createRedisStore(redisUrl, fallback.store);
    stores.push(store);
    await limiterStoreReady(store, 5_000);
    const keyPrefix = `${prefix}-up`;
    const throttle = createSignInThrottle({ store, keyPrefix });
    const attempt = { email: randomEmail(), ip: randomIp() };
    for (let i = 1; i <= 5; i += 1) await throttle.recordFailure(attempt);
    await expect(throttle.check(attempt)).resolves.toMatchObject({ allowed: false, scope: "account" });
    expect(await rowsUnder(keyPrefix)).toBe(0);
    expect(rateLimitStoreStatus(store)).toEqual({ store: "redis", onFallback: false, since: null });
    if (store.kind === "redis") {
      const keys = await store.client.keys(`${keyPrefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await store.client.del(...keys);
    }
  });
});
