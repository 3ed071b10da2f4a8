import { describe, expect, it } from "vitest";
import { networkOf } from "./network";

describe("networkOf", () => {
  it("groups IPv4 by /24 and IPv6 by /48", () => {
    expect(networkOf("203.0.113.7")).toBe("203.0.113.0/24");
    expect(networkOf("203.0.113.250")).toBe("203.0.113.0/24");
    expect(networkOf("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
    expect(networkOf("2001:db8::1")).toBe("2001:db8:0::/48");
    expect(networkOf("::ffff:198.51.100.9")).toBe("198.51.100.0/24");
  });

  it("tells neighbouring networks apart and ignores non-addresses", () => {
    expect(networkOf("203.0.114.7")).not.toBe(networkOf("203.0.113.7"));
    expect(networkOf("2001:db8:abce::1")).not.toBe(networkOf("2001:db8:abcd::1"));
    expect(networkOf("unknown")).toBeNull();
    expect(networkOf("")).toBeNull();
    expect(networkOf(null)).toBeNull();
  });
});
