import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "./same-origin";

const allowed = "https://shop.example.test";

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

describe("isSameOriginRequest", () => {
  it("accepts Sec-Fetch-Site: same-origin", () => {
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-origin" }), allowed)).toBe(true);
  });

  it.each(["cross-site", "same-site", "none", "SAME-ORIGIN", ""])("refuses Sec-Fetch-Site: %j", (value) => {
    // An empty header is not trusted either way: with no Origin it must be refused.
    expect(isSameOriginRequest(headers({ "sec-fetch-site": value }), allowed)).toBe(false);
  });

  it("trusts Sec-Fetch-Site over a matching Origin", () => {
    const request = headers({ "sec-fetch-site": "cross-site", origin: allowed });
    expect(isSameOriginRequest(request, allowed)).toBe(false);
  });

  it("without Sec-Fetch-Site, accepts only the allowed Origin", () => {
    expect(isSameOriginRequest(headers({ origin: allowed }), allowed)).toBe(true);
    expect(isSameOriginRequest(headers({ origin: "https://evil.example.test" }), allowed)).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "http://shop.example.test" }), allowed)).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "https://shop.example.test.evil.test" }), allowed)).toBe(false);
    expect(isSameOriginRequest(headers({ origin: `${allowed}:8443` }), allowed)).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "null" }), allowed)).toBe(false);
  });

  it("refuses a request with neither header", () => {
    expect(isSameOriginRequest(headers({}), allowed)).toBe(false);
    expect(isSameOriginRequest(headers({ referer: `${allowed}/account` }), allowed)).toBe(false);
  });

  it("defaults to SITE_URL's origin", () => {
    const origin = new URL(env.SITE_URL).origin;
    expect(isSameOriginRequest(headers({ origin }))).toBe(true);
    expect(isSameOriginRequest(headers({ origin: "https://evil.example.test" }))).toBe(false);
  });
});
