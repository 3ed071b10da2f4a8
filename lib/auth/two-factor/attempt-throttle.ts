import "server-only";
import { createSignInThrottle, type SignInThrottle } from "@/lib/auth/rate-limit/sign-in-throttle";

/**
 * Second-factor attempts (sign-in challenge and step-up) are throttled like
 * passwords, in their own counters: 5 free per account and address, then
 * growing delays, plus the daily per-account cap. A 6-digit code has only a
 * million values, so limiting attempts is what makes it strong (NIST §3.1.4.2).
 */
let throttle: SignInThrottle | undefined;

export function twoFactorThrottle(): SignInThrottle {
  throttle ??= createSignInThrottle({ keyPrefix: "two-factor" });
  return throttle;
}
