import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Tests run outside React's server environment; `server-only` guards bundles, not Node.
      { find: /^server-only$/, replacement: `${root}/node_modules/server-only/empty.js` },
    ],
  },
  test: {
    include: ["{lib,app,components,prisma}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      // One test-only audit chain key for vitest and Playwright (playwright.config.ts), which
      // share `npm test`'s database: entries either suite appends verify in the other.
      AUDIT_CHAIN_KEY: Buffer.from("test-only-audit-chain-key-no-prd").toString("base64"),
    },
  },
});
