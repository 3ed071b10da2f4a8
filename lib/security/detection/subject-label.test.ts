import { describe, expect, it } from "vitest";
import { maskedSubject } from "./subject-label";

describe("maskedSubject", () => {
  it("keeps only the start of an address or network", () => {
    expect(maskedSubject("net:203.0.113.0/24")).toBe("network 203.0.x.x/24");
    expect(maskedSubject("ip:203.0.113.77")).toBe("address 203.0.x.x");
    expect(maskedSubject("net:2001:db8:5::/48")).toBe("network 2001:db8:…/48");
    expect(maskedSubject("ip:2001:db8:5:1::9")).not.toContain("::9");
  });

  it("never shows an account id, and names the rest by kind", () => {
    expect(maskedSubject("user:cku123")).toBe("a customer account");
    expect(maskedSubject("staff:cku9:pii_reveal")).toBe("a staff member (pii reveal)");
    expect(maskedSubject("addr:0123456789abcdef")).toBe("client address #01234567");
    expect(maskedSubject("shop")).toBe("the whole shop");
  });
});
