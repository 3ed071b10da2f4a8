import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { clientIp, normalizeIp, UNKNOWN_IP } from "./client-ip";
import { appendPeerAddress } from "./forwarded-for";

const withXff = (value: string, extra: Record<string, string> = {}) =>
  new Headers({ "x-forwarded-for": value, ...extra });

// The shop's server appends the socket peer as the last entry (appendPeerAddress).
describe("clientIp (ASVS V4.1.3/V15.3.4)", () => {
  it("takes the socket peer for a direct client and ignores its spoofed header", () => {
    const headers = withXff(appendPeerAddress("203.0.113.9", "198.51.100.7"), { "x-real-ip": "203.0.113.10" });
    expect(clientIp(headers, { trustedHops: 0 })).toBe("198.51.100.7");
  });

  it("defaults to TRUSTED_PROXY_HOPS", () => {
    const headers = withXff("203.0.113.9, 198.51.100.7, 10.0.0.2");
    expect(clientIp(headers)).toBe(clientIp(headers, { trustedHops: env.TRUSTED_PROXY_HOPS }));
  });

  it("behind 1 proxy takes the entry that proxy appended, not the client's spoof", () => {
    expect(clientIp(withXff("6.6.6.6, 198.51.100.7, 10.0.0.2"), { trustedHops: 1 })).toBe("198.51.100.7");
    expect(clientIp(withXff("198.51.100.7, 10.0.0.2"), { trustedHops: 1 })).toBe("198.51.100.7");
  });

  it("behind 2 proxies takes the entry the outer proxy appended", () => {
    const header = "6.6.6.6, 7.7.7.7, 198.51.100.7, 10.0.0.2, 10.0.0.3";
    expect(clientIp(withXff(header), { trustedHops: 2 })).toBe("198.51.100.7");
  });

  it("joins repeated X-Forwarded-For headers before counting from the right", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "6.6.6.6");
    headers.append("x-forwarded-for", "198.51.100.7, 10.0.0.2");
    expect(clientIp(headers, { trustedHops: 1 })).toBe("198.51.100.7");
  });

  it("uses the leftmost entry when there are fewer entries than hops", () => {
    expect(clientIp(withXff("198.51.100.7"), { trustedHops: 2 })).toBe("198.51.100.7");
  });

  it("answers unknown for a missing header or a malformed trusted entry", () => {
    expect(clientIp(new Headers(), { trustedHops: 0 })).toBe(UNKNOWN_IP);
    for (const bad of ["", "not-an-ip", "999.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4 5", "<script>"]) {
      expect(clientIp(withXff(`198.51.100.7, ${bad}`), { trustedHops: 0 }), bad).toBe(UNKNOWN_IP);
    }
  });

  it("does not let a malformed client entry shift the trusted position", () => {
    expect(clientIp(withXff("junk,, ,198.51.100.7"), { trustedHops: 0 })).toBe("198.51.100.7");
  });

  it("accepts IPv6 and lower-cases it", () => {
    expect(clientIp(withXff("2001:DB8::1"), { trustedHops: 0 })).toBe("2001:db8::1");
    expect(clientIp(withXff("6.6.6.6, [2001:db8::2]:443"), { trustedHops: 0 })).toBe("2001:db8::2");
  });
});

describe("appendPeerAddress", () => {
  it("appends the socket peer to what the client sent, or stands alone", () => {
    expect(appendPeerAddress(undefined, "::ffff:127.0.0.1")).toBe("::ffff:127.0.0.1");
    expect(appendPeerAddress("6.6.6.6", "10.0.0.1")).toBe("6.6.6.6, 10.0.0.1");
    expect(appendPeerAddress(["6.6.6.6", "7.7.7.7"], undefined)).toBe("6.6.6.6, 7.7.7.7, unknown");
  });
});

describe("normalizeIp", () => {
  it("unmaps IPv4-mapped IPv6 addresses", () => {
    expect(normalizeIp("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeIp("::FFFF:c000:0201")).toBe("192.0.2.1");
  });

  it("strips ports and zone ids", () => {
    expect(normalizeIp(" 192.0.2.1:51234 ")).toBe("192.0.2.1");
    expect(normalizeIp("fe80::1%eth0")).toBe("fe80::1");
  });
});
