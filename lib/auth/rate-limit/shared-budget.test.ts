import { afterAll, describe, expect, it } from "vitest";
import { RateLimiterRes } from "rate-limiter-flexible";
import { closeLimiterStore, createLimiter, createRedisStore, limiterStoreReady, type LimiterStore } from "./store";
import { deleteKeys, testPostgresStore, testPrefix } from "./test-support";

// Test files may read the environment directly (lib/env.ts does not know test-only servers).
// eslint-disable-next-line no-restricted-properties
const redisUrl = process.env.TEST_REDIS_URL;

/**
 * Two limiters built on two separate connections stand for two app
 * instances: one 5-point budget must hold across both (ARCHITECTURE.md: limits
 * hold across many app instances).
 */
async function expectOneBudget(storeA: LimiterStore, storeB: LimiterStore, keyPrefix: string): Promise<void> {
  const options = { keyPrefix, points: 5, duration: 60 };
  const viaA = createLimiter(options, storeA);
  const viaB = createLimiter(options, storeB);
  for (let i = 0; i < 3; i += 1) await viaA.consume("shared-key");
  for (let i = 0; i < 2; i += 1) await viaB.consume("shared-key");
  await expect(viaA.consume("shared-key")).rejects.toBeInstanceOf(RateLimiterRes);
  await expect(viaB.consume("shared-key")).rejects.toBeInstanceOf(RateLimiterRes);
  // Another key has its own budget: the refusal above is about the shared key, not the store.
  await expect(viaB.consume("other-key")).resolves.toBeInstanceOf(RateLimiterRes);
}

describe("one budget across two app instances on PostgreSQL", () => {
  const a = testPostgresStore();
  const b = testPostgresStore();
  const prefix = testPrefix("shared-pg");

  afterAll(async () => {
    await deleteKeys(a.pool, prefix);
    await Promise.all([closeLimiterStore(a.store), closeLimiterStore(b.store)]);
  });

  it("refuses the 6th point of 5 after 3 via one pool and 2 via another", async () => {
    expect(a.pool).not.toBe(b.pool);
    await expectOneBudget(a.store, b.store, prefix);
  });
});

describe("one budget across two app instances on Redis (requires TEST_REDIS_URL)", () => {
  const stores: LimiterStore[] = [];
  const prefix = testPrefix("shared-redis");

  afterAll(async () => {
    const first = stores[0];
    if (first?.kind === "redis") await first.client.del(`${prefix}:shared-key`, `${prefix}:other-key`);
    await Promise.all(stores.map((store) => closeLimiterStore(store)));
  });

  it.skipIf(!redisUrl)("refuses the 6th point of 5 after 3 via one client and 2 via another", async () => {
    if (!redisUrl) throw new Error("unreachable: skipped without TEST_REDIS_URL");
    const storeA = createRedisStore(redisUrl);
    const storeB = createRedisStore(redisUrl);
    stores.push(storeA, storeB);
    await Promise.all([limiterStoreReady(storeA, 5_000), limiterStoreReady(storeB, 5_000)]);
    await expectOneBudget(storeA, storeB, prefix);
  });
});
