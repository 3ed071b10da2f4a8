import { describe, expect, it } from "vitest";
import { issueDeviceCookie, trustedDeviceKey } from "./device-cookie";
import { DEVICE_COOKIE_MAX_AGE_SECONDS } from "./session/cookies";

const owner = "owner@example.test";
const other = "someone.else@example.test";

describe("device cookies (OWASP device cookies, NIST 800-63B §3.2.2)", () => {
  it("trust the browser for the account it signed in to, however the email is typed, and for no other", () => {
    const cookie = issueDeviceCookie(null, owner);
    const key = trustedDeviceKey(cookie, owner);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(trustedDeviceKey(cookie, "  OWNER@Example.TEST ")).toBe(key);
    expect(trustedDeviceKey(cookie, other)).toBeNull();
    expect(cookie).not.toContain("owner");
  });

  it("refuse a forged or altered entry", () => {
    const cookie = issueDeviceCookie(null, owner);
    const [issued = "", nonce = "", mac = ""] = cookie.split(".");
    const flip = (text: string) => `${text.slice(0, -1)}${text.endsWith("A") ? "B" : "A"}`;
    for (const forged of [
      `${issued}.${nonce}.${flip(mac)}`,
      `${issued}.${flip(nonce)}.${mac}`,
      `${(parseInt(issued, 36) - 1).toString(36)}.${nonce}.${mac}`,
      `${issued}.${nonce}.${"A".repeat(43)}`,
      `${issued}.${nonce}`,
      "",
      "not a cookie",
      `${cookie}.extra`,
    ]) {
      expect(trustedDeviceKey(forged, owner)).toBeNull();
    }
    expect(trustedDeviceKey(null, owner)).toBeNull();
  });

  it("expire with the cookie's lifetime", () => {
    const issuedAt = new Date("2026-01-01T00:00:00Z");
    const cookie = issueDeviceCookie(null, owner, issuedAt);
    const justBefore = new Date(issuedAt.getTime() + (DEVICE_COOKIE_MAX_AGE_SECONDS - 60) * 1000);
    const after = new Date(issuedAt.getTime() + (DEVICE_COOKIE_MAX_AGE_SECONDS + 60) * 1000);
    expect(trustedDeviceKey(cookie, owner, justBefore)).not.toBeNull();
    expect(trustedDeviceKey(cookie, owner, after)).toBeNull();
    expect(trustedDeviceKey(cookie, owner, new Date(issuedAt.getTime() - 3600_000))).toBeNull();
  });

  it("keep one entry per account, renew the account's entry with a new nonce, and hold at most four", () => {
    const first = issueDeviceCookie(null, owner);
    const both = issueDeviceCookie(first, other);
    expect(trustedDeviceKey(both, owner)).toBe(trustedDeviceKey(first, owner));
    expect(trustedDeviceKey(both, other)).not.toBeNull();

    const renewed = issueDeviceCookie(both, owner);
    expect(renewed.split("~")).toHaveLength(2);
    expect(trustedDeviceKey(renewed, owner)).not.toBe(trustedDeviceKey(first, owner));
    expect(trustedDeviceKey(renewed, other)).toBe(trustedDeviceKey(both, other));

    let many = renewed;
    for (let i = 0; i < 6; i += 1) many = issueDeviceCookie(many, `shopper${i}@example.test`);
    expect(many.split("~")).toHaveLength(4);
    expect(trustedDeviceKey(many, "shopper5@example.test")).not.toBeNull();
    expect(trustedDeviceKey(issueDeviceCookie("junk~more junk", owner), owner)).not.toBeNull();
    expect(issueDeviceCookie("junk~more junk", owner).split("~")).toHaveLength(1);
  });
});
