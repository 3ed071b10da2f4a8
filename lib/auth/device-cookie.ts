import "server-only";
import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { deviceKey, normalizeEmail } from "@/lib/auth/rate-limit/keys";
import { safeEqual } from "@/lib/crypto/tokens";
import { authSecret } from "./secret";
import { DEVICE_COOKIE_MAX_AGE_SECONDS } from "./session/cookies";

/**
 * Device cookies (OWASP "Slow down online guessing attacks with device
 * cookies"; NIST 800-63B §3.2.2, rev.3 §5.2.2; ASVS V6.3.1). A browser that
 * completed a sign-in gets an HMAC-signed entry binding that account's login
 * (the normalized email) to a random nonce and the time it was issued. At
 * sign-in, a valid entry for the email typed puts the attempt on that
 * device's own failure budget, so guesses from elsewhere, which lock the
 * account for untrusted clients, cannot lock its owner out.
 *
 * An entry is `<issued, base36 seconds>.<nonce>.<HMAC>`; the email is not in
 * the cookie, only in the MAC. A browser keeps a few entries (one per account
 * it signed in to), newest first, joined by "~".
 */
const VERSION = "v1";
const MAX_ENTRIES = 4;
const NONCE = /^[A-Za-z0-9_-]{22}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;
const ISSUED = /^[0-9a-z]{1,10}$/;
// A cookie header is bounded, but a hostile one could still hold many entries: look at a few only.
const MAX_COOKIE_LENGTH = MAX_ENTRIES * 80;

let cachedKey: { secret: string; key: Buffer } | undefined;

/** The HMAC key, derived from AUTH_SECRET for this purpose only (HKDF), so it signs nothing else. */
function signingKey(): Buffer {
  const secret = authSecret();
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "", `shop device cookie ${VERSION}`, 32)) };
  }
  return cachedKey.key;
}

function mac(email: string, issued: string, nonce: string): string {
  return createHmac("sha256", signingKey()).update(`${VERSION}:${issued}:${nonce}:${normalizeEmail(email)}`, "utf8").digest("base64url");
}

function entries(cookie: string | null | undefined): string[] {
  if (!cookie || cookie.length > MAX_COOKIE_LENGTH) return [];
  return cookie.split("~").slice(0, MAX_ENTRIES);
}

/** The parts of a well-formed entry issued within the cookie's lifetime; else null. */
function parseEntry(entry: string, nowSeconds: number): { issued: string; nonce: string; signature: string } | null {
  const [issued, nonce, signature, ...rest] = entry.split(".");
  if (rest.length > 0 || !issued || !nonce || !signature) return null;
  if (!ISSUED.test(issued) || !NONCE.test(nonce) || !MAC.test(signature)) return null;
  const age = nowSeconds - parseInt(issued, 36);
  return age >= 0 && age <= DEVICE_COOKIE_MAX_AGE_SECONDS ? { issued, nonce, signature } : null;
}

/** The nonce of `entry` when it is a valid, unexpired entry for `email`; else null. */
function validNonce(entry: string, email: string, nowSeconds: number): string | null {
  const parts = parseEntry(entry, nowSeconds);
  if (!parts) return null;
  return safeEqual(parts.signature, mac(email, parts.issued, parts.nonce)) ? parts.nonce : null;
}

/**
 * The throttle key of the device cookie's entry for `email` when it holds a
 * valid one (signature, account and age checked), else null: an absent,
 * forged, expired or other account's cookie earns no trust.
 */
export function trustedDeviceKey(cookie: string | null | undefined, email: string, now = new Date()): string | null {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  for (const entry of entries(cookie)) {
    const nonce = validNonce(entry, email, nowSeconds);
    if (nonce) return deviceKey(nonce);
  }
  return null;
}

/**
 * The device cookie's new value after a completed sign-in to `email`: a fresh
 * entry (new nonce, so a device lockout ends with a sign-in, and an old copy
 * of the cookie stops matching) in front of the entries for other accounts.
 */
export function issueDeviceCookie(previous: string | null | undefined, email: string, now = new Date()): string {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const issued = nowSeconds.toString(36);
  const nonce = randomBytes(16).toString("base64url");
  // Entries for other accounts cannot be checked without their emails; well-formed, unexpired ones stay.
  const kept = entries(previous).filter((entry) => parseEntry(entry, nowSeconds) && !validNonce(entry, email, nowSeconds));
  return [`${issued}.${nonce}.${mac(email, issued, nonce)}`, ...kept].slice(0, MAX_ENTRIES).join("~");
}
