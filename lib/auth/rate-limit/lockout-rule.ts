import "server-only";
import { ALLOWED, refused, type ThrottleDecision, type ThrottleScope } from "./decision";
import type { Limiter } from "./store";

/**
 * One throttling rule: a failure counter over a window, and a separate lock.
 * Keeping the lock apart from the counter lets a rule lock for a length that
 * depends on history (growing delays) and re-lock on every failure past the
 * threshold, while the counter keeps its own window.
 */
export type LockoutRule = {
  scope: ThrottleScope;
  counter: Limiter;
  /** A limiter of 1 point: `block()` sets it, `get()` shows the refusal. */
  lock: Limiter;
  /** Seconds to lock for after a failure that brought the count to `failures` (0: no lock). */
  lockSeconds: (failures: number, key: string) => Promise<number>;
};

/** The rule's current refusal for `key`, if any. Reads only. */
export async function lockStatus(rule: LockoutRule, key: string): Promise<ThrottleDecision> {
  const state = await rule.lock.get(key);
  if (!state || state.consumedPoints <= rule.lock.points || state.msBeforeNext <= 0) return ALLOWED;
  return refused(state.msBeforeNext, rule.scope);
}

/** Counts one failure for `key` and locks when the rule says so. */
export async function countFailure(rule: LockoutRule, key: string): Promise<void> {
  // penalty() adds a point without rejecting at the limit: this is a counter.
  const { consumedPoints } = await rule.counter.penalty(key, 1);
  const seconds = await rule.lockSeconds(consumedPoints, key);
  if (seconds > 0) await rule.lock.block(key, seconds);
}

/** Forgets the rule's failures and lock for `key`. */
export async function resetRule(rule: LockoutRule, key: string): Promise<void> {
  await Promise.all([rule.counter.delete(key), rule.lock.delete(key)]);
}
