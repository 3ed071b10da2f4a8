import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { consumeAction, createActionLimiters } from "./action-limits";
import { closeLimiterStore } from "./store";
import { deleteKeys, randomIp, testPostgresStore, testPrefix } from "./test-support";

const { store, pool } = testPostgresStore();
const prefix = testPrefix("place-order");
const limiters = createActionLimiters({ store, keyPrefix: prefix });

afterAll(async () => {
  await deleteKeys(pool, prefix);
  await closeLimiterStore(store);
});

describe("placing orders is rate-limited", () => {
  it("allows 10 orders per account an hour, then refuses with a wait", async () => {
    const account = randomUUID();
    for (let i = 0; i < 10; i += 1) await expect(consumeAction(limiters, "placeOrder", account)).resolves.toEqual({ allowed: true });
    const refused = await consumeAction(limiters, "placeOrder", account);
    expect(refused).toMatchObject({ allowed: false, scope: "account" });
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(3500);
    await expect(consumeAction(limiters, "placeOrder", randomUUID())).resolves.toEqual({ allowed: true });
  });

  it("allows 30 orders per client address an hour, whichever accounts place them", async () => {
    const ip = randomIp();
    for (let i = 0; i < 30; i += 1) await expect(consumeAction(limiters, "placeOrderByIp", ip)).resolves.toEqual({ allowed: true });
    await expect(consumeAction(limiters, "placeOrderByIp", ip)).resolves.toMatchObject({ allowed: false, scope: "ip" });
  });
});
