import { describe, expect, it } from "vitest";
import { maskIp } from "./masking";

describe("maskIp", () => {
  it("keeps the network of an IPv4 address and hides the host", () => {
    expect(maskIp("203.0.113.42")).toBe("203.0.113.x");
    expect(maskIp("::ffff:198.51.100.7")).toBe("198.51.100.x");
  });

  it("keeps the first three groups (a provider's /48) of an IPv6 address", () => {
    expect(maskIp("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toBe("2001:db8:85a3::x");
    expect(maskIp("2001:db8::1")).toBe("2001:db8::x");
  });

  it("never shows the full address, and shows nothing for what is not an address", () => {
    for (const ip of ["203.0.113.42", "2001:db8:85a3:8d3:1319:8a2e:370:7348"]) expect(maskIp(ip)).not.toContain(ip);
    expect(maskIp(null)).toBeNull();
    expect(maskIp("")).toBeNull();
    expect(maskIp("unknown")).toBeNull();
    expect(maskIp("::1")).toBeNull();
    expect(maskIp("<b>1.2.3.4</b>")).toBeNull();
  });
});
