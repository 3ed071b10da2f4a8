import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { isLimitReached } from "./decision";
import { createLimiter, defaultLimiterStore, type Limiter, limiterStoreReady } from "./store";

/**
 * How many refusals of each kind one subject (a client address's digest, an
 * account) may have recorded per window. Past the limit a refusal is still
 * refused, but nothing is written for it at all: the counter already shows
 * the flood. Denials keep room above the insider alert's threshold, so the
 * alert is always raised before recording stops.
 */
export function refusalPolicies() {
  return {
    payment_webhook_rejected: { points: 20, duration: 600 },
    access_denied: { points: Math.max(60, env.ALERT_DENIALS_PER_HOUR + 1), duration: 3600 },
  } as const;
}

export type RefusalPolicy = keyof ReturnType<typeof refusalPolicies>;

const limiters = new Map<RefusalPolicy, Limiter>();

function limiterFor(policy: RefusalPolicy): Limiter {
  let limiter = limiters.get(policy);
  if (!limiter) {
    const { points, duration } = refusalPolicies()[policy];
    // Once over the limit the process refuses from memory: the store is not written per refusal either.
    limiter = createLimiter({ keyPrefix: `refusal:${policy}`, points, duration, inMemoryBlockOnConsumed: points }, defaultLimiterStore());
    limiters.set(policy, limiter);
  }
  return limiter;
}

/**
 * Whether one more refusal of `policy` by `subject` may be recorded. An
 * unreachable store answers yes: the refusal is then only counted (one row
 * per subject and window), which bounds the writes without losing the record.
 */
export async function mayRecordRefusal(policy: RefusalPolicy, subject: string): Promise<boolean> {
  try {
    const limiter = limiterFor(policy);
    await limiterStoreReady(defaultLimiterStore());
    await limiter.consume(subject, 1);
    return true;
  } catch (error) {
    if (isLimitReached(error)) return false;
    logger.warn({ err: error, policy }, "rate-limit store unavailable; refusal recorded without a limit");
    return true;
  }
}
