import { AsyncLocalStorage } from "node:async_hooks";
import { beforeAll, describe, expect, it } from "vitest";

type Matcher = (url: string, headers?: Record<string, string>) => boolean;
let runsProxy: Matcher;

beforeAll(async () => {
  // Next's testing helper expects the AsyncLocalStorage global its own server provides.
  (globalThis as Record<string, unknown>).AsyncLocalStorage ??= AsyncLocalStorage;
  const { unstable_doesMiddlewareMatch } = await import("next/experimental/testing/server");
  const { config } = await import("@/proxy");
  runsProxy = (url, headers = {}) => unstable_doesMiddlewareMatch({ config, url, headers });
});

describe("proxy matcher (the CSP and nonce are set in proxy.ts)", () => {
  it.each(["/", "/products/studio-over-ear-headphones", "/foo.png", "/logo.svg", "/products/poster.png", "/account/x.webp", "/robots.txt.html"])(
    "runs for %s, whatever it ends in",
    (url) => {
      expect(runsProxy(url)).toBe(true);
    },
  );

  it("runs for a request that only claims to be a prefetch (it would get HTML)", () => {
    expect(runsProxy("/", { "next-router-prefetch": "1" })).toBe(true);
  });

  it("skips a router prefetch (an RSC payload, no HTML) and the build output", () => {
    expect(runsProxy("/", { "next-router-prefetch": "1", rsc: "1" })).toBe(false);
    expect(runsProxy("/_next/static/chunks/main.js")).toBe(false);
  });
});
