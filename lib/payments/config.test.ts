import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { gatewayModeFor } from "./config";

const mode = (source: Record<string, string>) => gatewayModeFor(parseEnv(source));

describe("payment gateway selection", () => {
  it("uses Stripe whenever a secret key is set, and then never the test gateway", () => {
    expect(mode({ STRIPE_SECRET_KEY: "sk_test_abc" })).toBe("stripe");
    expect(mode({ STRIPE_SECRET_KEY: "sk_test_abc", PAYMENTS_TEST_GATEWAY: "true" })).toBe("stripe");
    expect(mode({ STRIPE_SECRET_KEY: "sk_live_abc", SITE_URL: "https://shop.example.com" })).toBe("stripe");
  });

  it("never turns the test gateway on by itself in production, even on an http site", () => {
    expect(mode({ NODE_ENV: "production", SITE_URL: "http://localhost:3000" })).toBe("none");
    expect(mode({ NODE_ENV: "production", SITE_URL: "http://shop.example.com" })).toBe("none");
    expect(mode({ NODE_ENV: "production" })).toBe("none");
    expect(mode({ NODE_ENV: "production", SITE_URL: "http://localhost:3000", PAYMENTS_TEST_GATEWAY: "true" })).toBe("test");
  });

  it("uses the offline test gateway on a local (http) site without keys outside production (next dev, tests)", () => {
    expect(mode({})).toBe("test");
    expect(mode({ SITE_URL: "http://localhost:3000" })).toBe("test");
  });

  it("takes no payments on an https site without keys, unless the test gateway is asked for", () => {
    expect(mode({ SITE_URL: "https://shop.example.com" })).toBe("none");
    expect(mode({ SITE_URL: "https://staging.example.com", PAYMENTS_TEST_GATEWAY: "true" })).toBe("test");
  });
});
