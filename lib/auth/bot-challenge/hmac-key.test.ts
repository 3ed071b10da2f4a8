import { describe, expect, it } from "vitest";
import { botChallengeKeyFromConfig } from "./hmac-key";

const authSecret = () => "x".repeat(48);

describe("the proof-of-work challenges' HMAC key", () => {
  it("is the configured key when set", () => {
    expect(botChallengeKeyFromConfig({ key: "k".repeat(40), nodeEnv: "production", authSecret })).toBe("k".repeat(40));
  });

  it("is refused in production when missing: no instance may sign with a key of its own", () => {
    expect(() => botChallengeKeyFromConfig({ key: undefined, nodeEnv: "production", authSecret })).toThrow(/^ALTCHA_HMAC_KEY is not set/);
  });

  it("outside production is derived from AUTH_SECRET, stable, and not the secret itself", () => {
    const derived = botChallengeKeyFromConfig({ key: undefined, nodeEnv: "development", authSecret });
    expect(derived).toBe(botChallengeKeyFromConfig({ key: undefined, nodeEnv: "test", authSecret }));
    expect(derived).not.toContain("xxxx");
    expect(derived.length).toBeGreaterThanOrEqual(32);
  });
});
