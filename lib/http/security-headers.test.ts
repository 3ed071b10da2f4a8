import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config.js";

type HeaderRule = { source: string; headers: Array<{ key: string; value: string }> };

/** The Referrer-Policy next.config.js sends for `path` (later rules win, as in Next). */
async function referrerPolicyFor(path: string): Promise<string | undefined> {
  const rules = (await nextConfig.headers?.()) as HeaderRule[];
  let policy: string | undefined;
  for (const rule of rules) {
    const applies = rule.source === "/:path*" || rule.source === path;
    const header = rule.headers.find((entry) => entry.key.toLowerCase() === "referrer-policy");
    if (applies && header) policy = header.value;
  }
  return policy;
}

describe("Referrer-Policy", () => {
  it.each(["/reset-password", "/verify-email", "/staff/setup"])("is no-referrer on %s, whose URL carries a token", async (path) => {
    expect(await referrerPolicyFor(path)).toBe("no-referrer");
  });

  it("keeps the origin-only default elsewhere", async () => {
    expect(await referrerPolicyFor("/products")).toBe("strict-origin-when-cross-origin");
  });
});
