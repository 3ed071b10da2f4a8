import { describe, expect, it } from "vitest";
import { ipRateLimitKey } from "./ip-key";

describe("ipRateLimitKey", () => {
  it("keeps an IPv4 address whole", () => {
    expect(ipRateLimitKey("192.0.2.1")).toBe("192.0.2.1");
  });

  it("groups IPv6 addresses by /64, whatever their spelling", () => {
    const key = ipRateLimitKey("2001:db8:0:1::1");
    expect(key).toBe("2001:db8:0:1::/64");
    expect(ipRateLimitKey("2001:0db8:0000:0001:ffff:ffff:ffff:ffff")).toBe(key);
    expect(ipRateLimitKey("2001:db8:0:2::1")).not.toBe(key);
    expect(ipRateLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(ipRateLimitKey("64:ff9b:1:2:3:4:192.0.2.1")).toBe("64:ff9b:1:2::/64");
  });
});
