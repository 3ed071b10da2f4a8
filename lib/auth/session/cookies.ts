import "server-only";
import { env } from "@/lib/env";

/**
 * Cookie names and attributes (ASVS V3.3.1–V3.3.4). Over https the names carry
 * the `__Host-` prefix, which makes the browser insist on Secure, Path=/ and no
 * Domain. A plain-http site (the local demo) cannot use Secure cookies in every
 * browser, so it gets the same cookies without the prefix.
 */
export const secureCookies = env.SITE_URL.startsWith("https://");

/** The cookie-name prefix a site at `siteUrl` gets (the self-check reports it). */
export function cookiePrefixFor(siteUrl: string): "__Host-" | "" {
  return siteUrl.startsWith("https://") ? "__Host-" : "";
}

const prefix = cookiePrefixFor(env.SITE_URL);

export const cookieNames = {
  session: `${prefix}shop.session`,
  csrf: `${prefix}shop.csrf`,
  callbackUrl: `${prefix}shop.callback-url`,
  device: `${prefix}shop.device`,
  /** Signed entries naming the accounts this browser signed in to (lib/auth/device-cookie.ts). */
  trustedDevice: `${prefix}shop.trusted-device`,
  cart: `${prefix}shop.cart`,
} as const;

export const baseCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: secureCookies,
};

/** The device cookies let sign-in recognise a returning browser ("new device" alerts, lockout that spares its owner). */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/** A guest's cart outlives the browser session; a month without a visit lets it go. */
export const CART_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
