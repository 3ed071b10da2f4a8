import { afterAll, describe, expect, it } from "vitest";
import { UNKNOWN_IP } from "@/lib/http/client-ip";
import { consumeAction, createActionLimiters } from "./action-limits";
import { closeLimiterStore } from "./store";
import { deleteKeys, randomEmail, randomIp, testPostgresStore, testPrefix } from "./test-support";

const { store, pool } = testPostgresStore();
const prefix = testPrefix("action");
const limiters = createActionLimiters({ store, keyPrefix: prefix });

afterAll(async () => {
  await deleteKeys(pool, prefix);
  await closeLimiterStore(store);
});

describe("action limits on PostgreSQL", () => {
  it("allows 3 password-reset requests per email an hour, however the email is typed", async () => {
    const email = randomEmail();
    for (const typed of [email, email.trim(), email.toUpperCase()]) {
      await expect(consumeAction(limiters, "passwordResetRequestByEmail", typed)).resolves.toEqual({ allowed: true });
    }
    const refused = await consumeAction(limiters, "passwordResetRequestByEmail", email.toLowerCase());
    expect(refused).toMatchObject({ allowed: false, scope: "account" });
    if (!refused.allowed) {
      expect(Number.isInteger(refused.retryAfterSeconds)).toBe(true);
      expect(refused.retryAfterSeconds).toBeGreaterThan(3500);
    }
  });

  it("allows 10 sign-ups per address an hour", async () => {
    const ip = randomIp();
    for (let i = 0; i < 10; i += 1) {
      await expect(consumeAction(limiters, "signUp", ip)).resolves.toEqual({ allowed: true });
    }
    await expect(consumeAction(limiters, "signUp", ip)).resolves.toMatchObject({ allowed: false, scope: "ip" });
    await expect(consumeAction(limiters, "signUp", randomIp())).resolves.toEqual({ allowed: true });
  });

  it("does not pool every unknown address into one shared sign-up budget", async () => {
    for (let i = 0; i < 11; i += 1) {
      await expect(consumeAction(limiters, "signUp", UNKNOWN_IP)).resolves.toEqual({ allowed: true });
    }
  });
});
