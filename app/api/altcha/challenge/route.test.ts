import { describe, expect, it, vi } from "vitest";

const limits = vi.hoisted(() => ({ decision: { allowed: true } as { allowed: boolean; retryAfterSeconds?: number; scope?: string }, keys: [] as string[] }));
vi.mock("@/lib/auth/rate-limit/action-limits", () => ({
  limitAction: async (policy: string, key: string) => {
    limits.keys.push(`${policy} ${key}`);
    return limits.decision;
  },
}));

const { GET } = await import("./route");
const { verifySolution, solveChallenge } = await import("altcha-lib");
const { deriveKey } = await import("altcha-lib/algorithms/pbkdf2");
const { botChallengeKey } = await import("@/lib/auth/bot-challenge/hmac-key");
const { BOT_CHALLENGE_MAX_NUMBER } = await import("@/lib/auth/bot-challenge/challenge");

const get = () => GET(new Request("http://shop.test/api/altcha/challenge", { headers: { "x-forwarded-for": "192.0.2.7" } }));

describe("GET /api/altcha/challenge", () => {
  it("serves a fresh, signed, expiring challenge that is never cached, throttled per client address", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const challenge = await response.json();
    expect(challenge.parameters).toMatchObject({ algorithm: "PBKDF2/SHA-256", cost: 1000 });
    expect(challenge.parameters.expiresAt * 1000).toBeGreaterThan(Date.now());
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(limits.keys).toEqual(["botChallengeByIp 192.0.2.7"]);
    // Two requests never get the same challenge.
    expect((await (await get()).json()).parameters.nonce).not.toBe(challenge.parameters.nonce);

    // What the widget will do with it: the answer is below the max number and verifies with the shop's key.
    const solution = await solveChallenge({ challenge, deriveKey });
    expect(solution?.counter).toBeLessThanOrEqual(BOT_CHALLENGE_MAX_NUMBER);
    expect((await verifySolution({ challenge, solution: solution!, deriveKey, hmacSignatureSecret: botChallengeKey() })).verified).toBe(true);
  }, 60_000);

  it("answers 429 with Retry-After when the address asked too often, 503 when the limits cannot be checked", async () => {
    limits.decision = { allowed: false, retryAfterSeconds: 42, scope: "ip" };
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("42");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    limits.decision = { allowed: false, retryAfterSeconds: 5, scope: "store" };
    expect((await get()).status).toBe(503);
  });
});
