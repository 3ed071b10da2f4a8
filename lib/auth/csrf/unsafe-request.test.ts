import { describe, expect, it } from "vitest";
import { isRefusedCrossSite } from "./unsafe-request";

const site = "https://shop.example";
const refused = (method: string, path: string, headers: Record<string, string>) => isRefusedCrossSite(method, path, new Headers(headers), site);

describe("cross-site requests with unsafe methods", () => {
  it("refuses a POST with neither Origin nor Sec-Fetch-Site", () => {
    expect(refused("POST", "/account/addresses", {})).toBe(true);
    expect(refused("DELETE", "/anything", {})).toBe(true);
  });

  it("refuses a foreign Origin, a null Origin and a cross-site or same-site Sec-Fetch-Site", () => {
    expect(refused("POST", "/cart", { origin: "https://evil.example" })).toBe(true);
    expect(refused("POST", "/cart", { origin: "null" })).toBe(true);
    expect(refused("POST", "/cart", { "sec-fetch-site": "cross-site" })).toBe(true);
    expect(refused("POST", "/cart", { "sec-fetch-site": "same-site", origin: site })).toBe(true);
    expect(refused("POST", "/cart", { "sec-fetch-site": "same-origin", origin: "https://evil.example" })).toBe(true);
  });

  it("lets same-origin requests and safe methods through", () => {
    expect(refused("POST", "/cart", { origin: site })).toBe(false);
    expect(refused("POST", "/cart", { "sec-fetch-site": "same-origin", origin: site })).toBe(false);
    expect(refused("GET", "/cart", {})).toBe(false);
    expect(refused("GET", "/cart", { "sec-fetch-site": "cross-site" })).toBe(false);
  });

  it("leaves endpoints authenticated otherwise to their own checks (signed webhook, next-auth's token)", () => {
    expect(refused("POST", "/api/webhooks/stripe", {})).toBe(false);
    expect(refused("POST", "/api/auth/callback/credentials", {})).toBe(false);
    expect(refused("POST", "/api/webhooks/stripe-evil", {})).toBe(true);
  });

  it("leaves the app's bearer API and OAuth forms to their tokens (they never read cookies), and nothing near them", () => {
    expect(refused("POST", "/api/v1/cart/lines", {})).toBe(false);
    expect(refused("DELETE", "/api/v1/cart/lines/x", {})).toBe(false);
    expect(refused("POST", "/oauth/token", {})).toBe(false);
    expect(refused("POST", "/oauth/revoke", {})).toBe(false);
    expect(refused("POST", "/api/v10/x", {})).toBe(true);
    expect(refused("POST", "/oauth/authorize", {})).toBe(true);
    expect(refused("POST", "/oauth/token-evil", {})).toBe(true);
  });
});
