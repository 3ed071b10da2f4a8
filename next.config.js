import { staticSecurityHeaders, tokenPages } from "./lib/http/security-headers.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Tests and the demo build into separate folders so a running demo is never overwritten.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // Product images may be up to 2 MB (lib/images/image-limits.ts); Server Action bodies default to 1 MB.
    // The margin lets a slightly larger file reach the action, which refuses it with a clear message.
    serverActions: { bodySizeLimit: "3mb" },
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
