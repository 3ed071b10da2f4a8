import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const base = { NODE_ENV: "test" };

describe("MOBILE_REDIRECT_URIS", () => {
  it("defaults to the app's private-use scheme and the client id to shop-mobile", () => {
    const env = parseEnv(base);
    expect(env.MOBILE_REDIRECT_URIS).toEqual(["shopapp://oauth/callback"]);
    expect(env.MOBILE_CLIENT_ID).toBe("shop-mobile");
  });

  it("takes a comma-separated list of private-use scheme and https URIs", () => {
    const env = parseEnv({ ...base, MOBILE_REDIRECT_URIS: "com.example.shop:/oauth, https://shop.example/app/callback" });
    expect(env.MOBILE_REDIRECT_URIS).toEqual(["com.example.shop:/oauth", "https://shop.example/app/callback"]);
  });

  it.each(["http://shop.example/cb", "javascript:alert(1)", "data:text/html,x", "https://shop.example/cb#frag", "not a uri", ""])("refuses %j", (value) => {
    expect(() => parseEnv({ ...base, MOBILE_REDIRECT_URIS: value })).toThrow(/MOBILE_REDIRECT_URIS/);
  });
});
