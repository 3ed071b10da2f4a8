import { randomBytes } from "node:crypto";
import { test as base } from "@playwright/test";

/**
 * Every test is its own client address: the e2e server trusts one proxy hop
 * (TRUSTED_PROXY_HOPS=1), and this plays the proxy. Tests therefore never
 * share rate-limit budgets, while the limits themselves stay as in production.
 */
export const test = base.extend({
  // Playwright fixtures must destructure their dependencies, even when there are none.
  extraHTTPHeaders: async ({}, provide) => {
    const [a = 0, b = 0] = randomBytes(2);
    await provide({ "x-forwarded-for": `198.18.${a}.${b}` });
  },
});

export { expect } from "@playwright/test";
