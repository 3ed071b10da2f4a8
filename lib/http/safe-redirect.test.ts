import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

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
    `/${"a".repeat(300)}`,
  ])("refuses %j", (target) => {
    expect(safeRedirectPath(target, "/fallback")).toBe("/fallback");
  });

  it("takes the first of repeated parameters", () => {
    expect(safeRedirectPath(["/cart", "//evil.example"])).toBe("/cart");
  });
});
