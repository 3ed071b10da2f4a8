import { describe, expect, it } from "vitest";
import { generateToken } from "@/lib/crypto/tokens";
import { randomIp } from "@/lib/auth/rate-limit/test-support";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { limitDiscountAttempt } from "./discount-limits";

requireTestDatabaseUrl();

const guestCart = () => ({ session: null, guestToken: generateToken() });

describe("guessing discount codes", () => {
  it("allows 10 tries per cart in 15 minutes, whichever address they come from", async () => {
    const cart = guestCart();
    for (let i = 0; i < 10; i += 1) await expect(limitDiscountAttempt(cart, randomIp())).resolves.toEqual({ allowed: true });
    await expect(limitDiscountAttempt(cart, randomIp())).resolves.toMatchObject({ allowed: false, scope: "account" });
  });

  it("allows 20 tries per address in 15 minutes, however many carts it uses", async () => {
    const ip = randomIp();
    for (let i = 0; i < 20; i += 1) await expect(limitDiscountAttempt(guestCart(), ip)).resolves.toEqual({ allowed: true });
    const refused = await limitDiscountAttempt(guestCart(), ip);
    expect(refused).toMatchObject({ allowed: false, scope: "ip" });
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(800);
  });

  it("shares one budget between browsers without a cart cookie from one address", async () => {
    const none = { session: null, guestToken: "not-a-token" };
    for (let i = 0; i < 10; i += 1) await limitDiscountAttempt(none, randomIp());
    await expect(limitDiscountAttempt(none, randomIp())).resolves.toMatchObject({ allowed: false });
  });
});
