import { staticSecurityHeaders, tokenPages } from "./lib/http/security-headers.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Tests and the demo build into separate folders so a running demo is never overwritten.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // The shop's HTTP server enforces the real limits per path (lib/http/body-limits.ts): 1 MB, and
    // 3 MB only for the product editor, whose image upload takes files up to 2 MB. Next's limit is one
    // number for every action, so it is set to the largest; the margin lets a slightly larger file reach
    // the action, which refuses it with a clear message.
    serverActions: { bodySizeLimit: "3mb" },
    // Load a page's server code on its first request rather than every page at start-up: a
    // process holds only what it serves (measured with `npm run bench:runtime`: 114 MiB after
    // start instead of 224, 188 MiB at rest after a warm-up instead of 261).
    preloadEntriesOnStart: false,
  },
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders({ production: process.env.NODE_ENV === "production" }) },
      // Later entries win: these pages carry a token in their URL.
      ...tokenPages.map((source) => ({ source, headers: [{ key: "Referrer-Policy", value: "no-referrer" }] })),
    ];
  },
};

export default nextConfig;
