/**
 * The bare Next.js app `npm run bench:lighthouse` measures beside the shop: the
 * framework's own ceiling under the same Lighthouse settings. Built at bench
 * time with the shop's own `next` into its own folder (never part of the
 * shop's build, type check or dependency rules).
 */
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  distDir: process.env.BARE_NEXT_DIST_DIR || ".next",
};

export default nextConfig;
