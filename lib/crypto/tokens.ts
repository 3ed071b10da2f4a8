import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Secrets sent to a browser or by mail (session cookies, email links): 256 bits
 * from the CSPRNG (ASVS V11.5.1), stored only as their SHA-256, so a copy of
 * the database cannot be replayed as a cookie or a link.
 */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** SHA-256 hex of a token. Tokens carry 256 bits of entropy, so no salt or slow hash is needed. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string looks like a token we issued (43 base64url characters), before any lookup. */
export function isWellFormedToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Constant-time comparison of two secrets (convention 6). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
