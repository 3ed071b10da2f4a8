import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

function parseError(source: Record<string, string | undefined>): Error {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`parseEnv threw a non-Error: ${String(error)}`);
  }
  throw new Error("parseEnv accepted an invalid environment");
}

describe("parseEnv", () => {
  it("applies defaults for unset variables", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe(".data");
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.NODE_ENV).toBe("development");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("coerces PORT from a string to a number", () => {
    const env = parseEnv({ PORT: "8080" });
    expect(env.PORT).toBe(8080);
    expect(typeof env.PORT).toBe("number");
  });

  it("keeps explicitly set values", () => {
    const env = parseEnv({ DATA_DIR: "/var/shop", LOG_LEVEL: "debug", NODE_ENV: "production" });
    expect(env.DATA_DIR).toBe("/var/shop");
    expect(env.LOG_LEVEL).toBe("debug");
    expect(env.NODE_ENV).toBe("production");
  });

  it.each(["abc", "70000", "0", "80.5"])("rejects PORT=%j naming PORT", (port) => {
    const error = parseError({ PORT: port });
    expect(error.message).toMatch(/^\s*PORT: /m);
  });

  it("accepts postgres:// and postgresql:// database URLs", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@localhost:5432/db" }).DATABASE_URL).toBe(
      "postgres://u@localhost:5432/db",
    );
    expect(parseEnv({ DATABASE_URL: "postgresql://u@localhost/db" }).DATABASE_URL).toBe("postgresql://u@localhost/db");
  });

  it.each(["mysql://x", "not a url", "https://example.com/db"])("rejects DATABASE_URL=%j naming it", (url) => {
    const error = parseError({ DATABASE_URL: url });
    expect(error.message).toMatch(/^\s*DATABASE_URL: /m);
    expect(error.message).not.toMatch(/^\s*TEST_DATABASE_URL: /m);
  });

  it("reports several bad variables together in one error", () => {
    const error = parseError({ PORT: "abc", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", DATA_DIR: "" });
    for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL", "DATA_DIR"]) {
      expect(error.message).toMatch(new RegExp(`^\\s*${name}: `, "m"));
    }
  });
});

describe("derived and guarded settings", () => {
  it("defaults SITE_URL to localhost on PORT, without a trailing slash", () => {
    expect(parseEnv({ PORT: "4100" }).SITE_URL).toBe("http://localhost:4100");
    expect(parseEnv({ SITE_URL: "https://shop.example.com/" }).SITE_URL).toBe("https://shop.example.com");
  });

  it("refuses the dev mailbox on an https site", () => {
    expect(() => parseEnv({ DEV_MAILBOX: "true", SITE_URL: "https://shop.example.com" })).toThrow(/DEV_MAILBOX/);
    expect(parseEnv({ DEV_MAILBOX: "1" }).DEV_MAILBOX).toBe(true);
  });

  it("leaves the dev mailbox off in production unless asked for, whatever the site's scheme", () => {
    expect(parseEnv({ NODE_ENV: "production", SITE_URL: "http://shop.example.com" }).DEV_MAILBOX).toBe(false);
    expect(() => parseEnv({ NODE_ENV: "production", DEV_MAILBOX: "true", SITE_URL: "https://shop.example.com" })).toThrow(/DEV_MAILBOX/);
  });

  it("refuses argon2 parameters below OWASP's minimum", () => {
    expect(() => parseEnv({ ARGON2_MEMORY_KIB: "8192" })).toThrow(/ARGON2_MEMORY_KIB/);
    expect(() => parseEnv({ ARGON2_TIME_COST: "1" })).toThrow(/ARGON2_TIME_COST/);
  });
});

describe("payment settings", () => {
  it("treats an empty STRIPE_SECRET_KEY (Compose's unset) as unset, and refuses a malformed one", () => {
    expect(parseEnv({ STRIPE_SECRET_KEY: "" }).STRIPE_SECRET_KEY).toBeUndefined();
    expect(parseError({ STRIPE_SECRET_KEY: "pk_test_publishable" }).message).toMatch(/^\s*STRIPE_SECRET_KEY: /m);
  });

  it("defaults the fraud thresholds and refuses a cancel score at or below the hold score", () => {
    const env = parseEnv({});
    expect([env.FRAUD_HOLD_SCORE, env.FRAUD_CANCEL_SCORE]).toEqual([50, 90]);
    expect(() => parseEnv({ FRAUD_HOLD_SCORE: "60", FRAUD_CANCEL_SCORE: "60" })).toThrow(/FRAUD_CANCEL_SCORE/);
    expect(() => parseEnv({ FRAUD_HOLD_SCORE: "95" })).toThrow(/FRAUD_CANCEL_SCORE/);
    expect(parseEnv({ FRAUD_HOLD_SCORE: "30", FRAUD_CANCEL_SCORE: "31" }).FRAUD_CANCEL_SCORE).toBe(31);
  });

  it("refuses the offline test gateway next to a live Stripe key", () => {
    expect(() => parseEnv({ PAYMENTS_TEST_GATEWAY: "true", STRIPE_SECRET_KEY: "sk_live_abc123" })).toThrow(/PAYMENTS_TEST_GATEWAY/);
    expect(parseEnv({ PAYMENTS_TEST_GATEWAY: "true", STRIPE_SECRET_KEY: "sk_test_abc123" }).PAYMENTS_TEST_GATEWAY).toBe(true);
  });

  it("keeps checkout limits in whole numbers (shipping and tax are the shop's zones, not settings)", () => {
    expect(parseEnv({}).RESERVATION_MINUTES).toBe(30);
    expect(parseError({ RESERVATION_MINUTES: "4.5" }).message).toMatch(/^\s*RESERVATION_MINUTES: /m);
    expect(parseEnv({}) as Record<string, unknown>).not.toHaveProperty("TAX_RATE_BASIS_POINTS");
  });
});
