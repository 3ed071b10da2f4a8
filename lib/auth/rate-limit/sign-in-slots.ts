import "server-only";
import { ALLOWED, isLimitReached, refused, storeUnavailable, type ThrottleDecision, type ThrottleScope } from "./decision";
import { accountKey, ipKey } from "./keys";
import { createLimiter, defaultLimiterStore, type Limiter, limiterStoreReady, type LimiterStore } from "./store";
import type { SignInAttempt } from "./sign-in-throttle";

/**
 * In-flight slots for sign-in: at most one password verification at a time
 * per account, and a few per client address, across all app instances.
 *
 * Without them, a burst of parallel guesses would all pass the throttle's
 * check before any failure was counted. Serialized, the check → verify → count
 * cycle is exact, so the limits hold under a flood. A slot frees itself after
 * `SLOT_SECONDS` if its holder dies. A trusted device (valid device cookie)
 * takes a slot of its own instead: its failures count on its own budget, and
 * a flood of guesses holding the account's slot must not keep its owner out.
 */
const SLOT_SECONDS = 15;
const PER_ACCOUNT = 1;
const PER_IP = 4;
const PER_DEVICE = 1;

export type SignInSlot = { decision: ThrottleDecision; release: () => Promise<void> };

export function createSignInSlots(options: { store?: LimiterStore; keyPrefix?: string } = {}) {
  const store = options.store ?? defaultLimiterStore();
  const prefix = options.keyPrefix ?? "signin";
  const byAccount = createLimiter({ keyPrefix: `${prefix}:slot-acct`, points: PER_ACCOUNT, duration: SLOT_SECONDS }, store);
  const byIp = createLimiter({ keyPrefix: `${prefix}:slot-ip`, points: PER_IP, duration: SLOT_SECONDS }, store);
  const byDevice = createLimiter({ keyPrefix: `${prefix}:slot-device`, points: PER_DEVICE, duration: SLOT_SECONDS }, store);

  return async function acquire(attempt: SignInAttempt): Promise<SignInSlot> {
    const taken: Array<[Limiter, string]> = [];
    const release = async () => {
      await Promise.all(taken.map(([limiter, key]) => limiter.reward(key, 1).catch(() => undefined)));
    };
    const ip = ipKey(attempt.ip);
    const wanted: Array<[Limiter, string, ThrottleScope]> = [];
    if (attempt.trustedDevice) wanted.push([byDevice, attempt.trustedDevice, "device"]);
    else {
      wanted.push([byAccount, accountKey(attempt.email), "account"]);
      if (ip) wanted.push([byIp, ip, "ip"]);
    }
    for (const [limiter, key, scope] of wanted) {
      try {
        await limiterStoreReady(store);
        await limiter.consume(key, 1);
        taken.push([limiter, key]);
      } catch (error) {
        await release();
        if (isLimitReached(error)) {
          // consume() counts the point even when it refuses; hand it back or the slot never frees.
          await limiter.reward(key, 1).catch(() => undefined);
          return { decision: refused(1000, scope), release: async () => undefined };
        }
        return { decision: storeUnavailable(error, "sign-in slot"), release: async () => undefined };
      }
    }
    return { decision: ALLOWED, release };
  };
}

let defaultSlots: ReturnType<typeof createSignInSlots> | undefined;

/** Takes the sign-in slots for an attempt; always call `release()` when the attempt is over. */
export function acquireSignInSlot(attempt: SignInAttempt): Promise<SignInSlot> {
  defaultSlots ??= createSignInSlots();
  return defaultSlots(attempt);
}
