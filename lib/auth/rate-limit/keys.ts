import "server-only";
import { createHash } from "node:crypto";
import { UNKNOWN_IP } from "@/lib/http/client-ip";
import { ipRateLimitKey } from "./ip-key";

// Counters outlive requests and sit in a shared store, so their keys carry
// digests, never an address or an IP in the clear. (An unkeyed digest is
// pseudonymous, not anonymous: a known email or IPv4 can be re-hashed. Rows
// expire within a day.)
function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** The form an email is compared in: trimmed and lower-cased, as accounts are stored. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The counter key for an account, by email (the account may not exist: no enumeration through limits). */
export function accountKey(email: string): string {
  return sha256(normalizeEmail(email));
}

/** The counter key for a client address (its /64 for IPv6), or null when the address is unknown. */
export function ipKey(ip: string): string | null {
  return ip === UNKNOWN_IP ? null : sha256(ipRateLimitKey(ip));
}

/** The counter key for a trusted device, by its device cookie's nonce. */
export function deviceKey(nonce: string): string {
  return sha256(`device:${nonce}`);
}
