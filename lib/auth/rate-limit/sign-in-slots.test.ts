import { afterAll, describe, expect, it } from "vitest";
import { closeLimiterStore } from "./store";
import { createSignInSlots } from "./sign-in-slots";
import { deleteKeys, randomEmail, randomIp, testPostgresStore, testPrefix } from "./test-support";

const { store, pool } = testPostgresStore();
const prefix = testPrefix("slots");
const acquire = createSignInSlots({ store, keyPrefix: prefix });

afterAll(async () => {
  await deleteKeys(pool, prefix);
  await closeLimiterStore(store);
});

describe("sign-in slots", () => {
  it("let one of many parallel attempts on an account through, and the next after release", async () => {
    const email = randomEmail();
    const slots = await Promise.all(Array.from({ length: 20 }, () => acquire({ email, ip: randomIp() })));
    const admitted = slots.filter((slot) => slot.decision.allowed);
    expect(admitted).toHaveLength(1);
    expect(slots.find((slot) => !slot.decision.allowed)?.decision).toMatchObject({ scope: "account" });

    await admitted[0]?.release();
    const next = await acquire({ email, ip: randomIp() });
    expect(next.decision.allowed).toBe(true);
    await next.release();
  });

  it("let at most four attempts from one address run at once", async () => {
    const ip = randomIp();
    const slots = await Promise.all(Array.from({ length: 10 }, () => acquire({ email: randomEmail(), ip })));
    expect(slots.filter((slot) => slot.decision.allowed)).toHaveLength(4);
    expect(slots.find((slot) => !slot.decision.allowed)?.decision).toMatchObject({ scope: "ip" });
    await Promise.all(slots.map((slot) => slot.release()));
    const after = await acquire({ email: randomEmail(), ip });
    expect(after.decision.allowed).toBe(true);
    await after.release();
  });

  it("give back the account slot when the address is refused", async () => {
    const ip = randomIp();
    const held = await Promise.all(Array.from({ length: 4 }, () => acquire({ email: randomEmail(), ip })));
    const email = randomEmail();
    expect((await acquire({ email, ip })).decision.allowed).toBe(false);
    const elsewhere = await acquire({ email, ip: randomIp() });
    expect(elsewhere.decision.allowed).toBe(true);
    await Promise.all([...held, elsewhere].map((slot) => slot.release()));
  });
});
