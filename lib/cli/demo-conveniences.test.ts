import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { gatewayModeFor } from "@/lib/payments/config";
import { demoConveniences } from "./demo-conveniences";
import { shopProcessEnv } from "./shop-processes";

const external = { url: "postgresql://shop@127.0.0.1:5432/shop", embedded: false, stop: async () => undefined };
const quiet = () => undefined;

describe("demo conveniences", () => {
  it("npm start (no conveniences) gives its processes neither the dev mailbox nor the test gateway", async () => {
    const started = await shopProcessEnv({ database: external, log: quiet });
    expect(started).not.toHaveProperty("DEV_MAILBOX");
    expect(started).not.toHaveProperty("PAYMENTS_TEST_GATEWAY");
    // What the production server then decides on a plain-http site without SMTP or Stripe keys.
    const server = parseEnv({ NODE_ENV: "production", SITE_URL: "http://localhost:3000", ...started });
    expect(server.DEV_MAILBOX).toBe(false);
    expect(gatewayModeFor(server)).toBe("none");
  });

  it("npm run demo turns both on for a local http site without SMTP or Stripe keys", async () => {
    const conveniences = demoConveniences(parseEnv({ SITE_URL: "http://localhost:3000" }));
    expect(conveniences).toEqual({ DEV_MAILBOX: "true", PAYMENTS_TEST_GATEWAY: "true" });
    const server = parseEnv({ NODE_ENV: "production", SITE_URL: "http://localhost:3000", ...(await shopProcessEnv({ database: external, log: quiet, conveniences })) });
    expect(server.DEV_MAILBOX).toBe(true);
    expect(gatewayModeFor(server)).toBe("test");
  });

  it("the demo keeps real mail and real payments when they are configured, and turns nothing on over https", () => {
    expect(demoConveniences(parseEnv({ SMTP_URL: "smtp://127.0.0.1:1025" }))).toEqual({ PAYMENTS_TEST_GATEWAY: "true" });
    expect(demoConveniences(parseEnv({ STRIPE_SECRET_KEY: "sk_test_abc" }))).toEqual({ DEV_MAILBOX: "true" });
    expect(demoConveniences(parseEnv({ SITE_URL: "https://shop.example.com" }))).toEqual({});
  });
});
