import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { logger } from "@/lib/log/logger";

/** What a limit counts: a client address, an account, or a trusted device (a device cookie's nonce). */
export type ThrottleScope = "ip" | "account" | "device";

/**
 * Whether an attempt may go ahead; when not, how long to wait (for a
 * Retry-After header) and why. Scope "store" means the limits could not be
 * checked at all: the client did nothing wrong and must never be told it
 * tried too often (answer "temporarily unavailable", 503).
 */
export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; scope: ThrottleScope | "store" };

/** The decision to return when nothing is limited. */
export const ALLOWED: ThrottleDecision = { allowed: true };

// How long a caller is told to wait when the store could not be asked.
const STORE_DOWN_RETRY_SECONDS = 30;

/** A refusal for `ms` milliseconds; Retry-After is a whole number of seconds, at least 1. */
export function refused(ms: number, scope: ThrottleScope): ThrottleDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)), scope };
}

/** The longest of several refusals (the attempt may proceed only when all have passed). */
export function strictest(decisions: ThrottleDecision[]): ThrottleDecision {
  let worst: ThrottleDecision = ALLOWED;
  for (const decision of decisions) {
    if (decision.allowed) continue;
    if (worst.allowed || decision.retryAfterSeconds > worst.retryAfterSeconds) worst = decision;
  }
  return worst;
}

/** True when rate-limiter-flexible rejected because the limit was reached (not a store error). */
export function isLimitReached(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}

/** True when a refusal is the store's failure, not the client's attempts. */
export function isStoreFailure(decision: ThrottleDecision): boolean {
  return !decision.allowed && decision.scope === "store";
}

/**
 * Fail closed: an unreachable store (Redis and its PostgreSQL fallback, or
 * PostgreSQL alone) must not switch brute-force protection off, so the
 * attempt is refused as "unavailable" and the failure logged (without keys:
 * they are derived from personal data).
 */
export function storeUnavailable(error: unknown, operation: string): ThrottleDecision {
  logger.error({ err: error, operation }, "rate-limit store unavailable; refusing the attempt");
  return { allowed: false, retryAfterSeconds: STORE_DOWN_RETRY_SECONDS, scope: "store" };
}
