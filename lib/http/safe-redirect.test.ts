import { describe, expect, it } from "vitest";
import { safeAuthRedirect, safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each(["/account", "/account/security?tab=sessions", "/products/studio-over-ear-headphones"])("keeps %s", (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  it.each([
    "//evil.example/account",
    "/\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "/account\n/evil",
    "account",
    "",
    `/${"a".repeat(700)}`,
    "%",
    "/%",
    "/account%",
    "/products/%E0%A4%A",
    "/%ZZ",
  ])("refuses %j", (target) => {
    expect(safeRedirectPath(target, "/fallback")).toBe("/fallback");
  });

  it("percent-encodes what a Location header cannot carry", () => {
    expect(safeRedirectPath("/products/caf\u00e9?q=\u{1F600}")).toBe("/products/caf%C3%A9?q=%F0%9F%98%80");
    expect(safeRedirectPath("/\uFFFD")).toBe("/%EF%BF%BD");
  });

  it("takes the first of repeated parameters", () => {
    expect(safeRedirectPath(["/cart", "//evil.example"])).toBe("/cart");
  });
});

describe("safeAuthRedirect (next-auth's redirect callback)", () => {
  const base = "https://shop.example.test";

  it.each([
    ["/account", `${base}/account`],
    [`${base}/cart?step=2`, `${base}/cart?step=2`],
  ])("keeps %s on this site", (url, expected) => {
    expect(safeAuthRedirect(url, base)).toBe(expected);
  });

  it.each(["https://evil.example/account", "//evil.example", "http://shop.example.test/account", "javascript:alert(1)"])(
    "sends %s to the shop's root",
    (url) => {
      expect(safeAuthRedirect(url, base)).toBe(base);
    },
  );

  it.each(["%", "http://[", "https://", "/%", `${base}/%E0%A4%A`, "::::"])("turns the malformed %j into the shop's root, not an error", (url) => {
    expect(safeAuthRedirect(url, base)).toBe(base);
  });
});
