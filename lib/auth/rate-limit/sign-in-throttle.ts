import "server-only";
import { logger } from "@/lib/log/logger";
import { type ThrottleDecision, storeUnavailable, strictest } from "./decision";
import { accountKey, ipKey } from "./keys";
import { countFailure, lockStatus, type LockoutRule, resetRule } from "./lockout-rule";
import { createLimiter, defaultLimiterStore, type Limiter, limiterStoreReady, type LimiterStore } from "./store";

/**
 * One sign-in attempt: the email typed (raw), the client address from
 * `clientIp`, and `trustedDevice`, the key `trustedDeviceKey` found in the
 * browser's device cookie for this email (absent or null: an untrusted client).
 */
export type SignInAttempt = { email: string; ip: string; trustedDevice?: string | null };

/**
 * The sign-in policy (ASVS V6.3.1; OWASP credential stuffing and device
 * cookies; NIST 800-63B §3.2.2). Every lock is temporary: no one can lock a
 * legitimate user out for good. The first four rules bind untrusted clients;
 * a browser with a valid device cookie for the account is held to
 * `trustedDevice` alone, so an attack from elsewhere cannot lock its owner out.
 */
export const signInPolicy = {
  /** A burst from one address, e.g. a spray across many accounts. */
  ipBurst: { failures: 20, windowSeconds: 5 * 60, lockSeconds: 15 * 60 },
  /** A slow, long campaign from one address (IP limits alone are never enough, so both windows). */
  ipDaily: { failures: 200, windowSeconds: 24 * 3600, lockSeconds: 24 * 3600 },
  /** Guessing one account from one address: 5 free, then 1, 2, 4 … minutes, at most 60. */
  accountIp: { freeFailures: 5, windowSeconds: 24 * 3600, firstLockSeconds: 60, maxLockSeconds: 3600 },
  /** Distributed guessing of one account: NIST's ≤100, counted per day, then 15 minutes at a time. */
  account: { failures: 100, windowSeconds: 24 * 3600, lockSeconds: 15 * 60 },
  /**
   * A trusted device's own budget: 5 free, then its nonce goes on the lockout
   * list for 1, 2, 4 … minutes, at most 60 (as one account from one address).
   */
  trustedDevice: { freeFailures: 5, windowSeconds: 24 * 3600, firstLockSeconds: 60, maxLockSeconds: 3600 },
} as const;

/** The three operations, bound to one store and key prefix. */
export type SignInThrottle = {
  check: (attempt: SignInAttempt) => Promise<ThrottleDecision>;
  recordFailure: (attempt: SignInAttempt) => Promise<ThrottleDecision>;
  recordSuccess: (attempt: SignInAttempt) => Promise<void>;
};

type Rules = {
  ipBurst: LockoutRule;
  ipDaily: LockoutRule;
  accountIp: LockoutRule;
  /** How often this account+address was locked today: decides the next lock's length. */
  accountIpLocks: Limiter;
  account: LockoutRule;
  /** Failures per trusted device; its lock is the device cookies' lockout list. */
  device: LockoutRule;
  deviceLocks: Limiter;
};

type GrowingPolicy = { freeFailures: number; windowSeconds: number; firstLockSeconds: number; maxLockSeconds: number };

/** Locks after `freeFailures`, for a length that doubles with each lock (history kept in `locks`). */
function growingLockSeconds(policy: GrowingPolicy, locks: Limiter) {
  return async (failures: number, key: string) => {
    if (failures < policy.freeFailures) return 0;
    const { consumedPoints: count } = await locks.penalty(key, 1);
    return Math.min(policy.firstLockSeconds * 2 ** (count - 1), policy.maxLockSeconds);
  };
}

function buildRules(store: LimiterStore, prefix: string): Rules {
  const limiter = (name: string, points: number, duration: number) =>
    createLimiter({ keyPrefix: `${prefix}:${name}`, points, duration }, store);
  const fixed = (threshold: number, seconds: number) => async (failures: number) => (failures >= threshold ? seconds : 0);
  const { ipBurst, ipDaily, accountIp, account, trustedDevice } = signInPolicy;
  const accountIpLocks = limiter("acct-ip-locks", 1, accountIp.windowSeconds);
  const deviceLocks = limiter("device-locks", 1, trustedDevice.windowSeconds);
  return {
    accountIpLocks,
    deviceLocks,
    ipBurst: {
      scope: "ip",
      counter: limiter("ip-burst", ipBurst.failures, ipBurst.windowSeconds),
      lock: limiter("ip-burst-lock", 1, ipBurst.lockSeconds),
      lockSeconds: fixed(ipBurst.failures, ipBurst.lockSeconds),
    },
    ipDaily: {
      scope: "ip",
      counter: limiter("ip-day", ipDaily.failures, ipDaily.windowSeconds),
      lock: limiter("ip-day-lock", 1, ipDaily.lockSeconds),
      lockSeconds: fixed(ipDaily.failures, ipDaily.lockSeconds),
    },
    accountIp: {
      scope: "account",
      counter: limiter("acct-ip", accountIp.freeFailures, accountIp.windowSeconds),
      lock: limiter("acct-ip-lock", 1, accountIp.maxLockSeconds),
      lockSeconds: growingLockSeconds(accountIp, accountIpLocks),
    },
    account: {
      scope: "account",
      counter: limiter("acct", account.failures, account.windowSeconds),
      lock: limiter("acct-lock", 1, account.lockSeconds),
      lockSeconds: fixed(account.failures, account.lockSeconds),
    },
    device: {
      scope: "device",
      counter: limiter("device", trustedDevice.freeFailures, trustedDevice.windowSeconds),
      lock: limiter("device-lock", 1, trustedDevice.maxLockSeconds),
      lockSeconds: growingLockSeconds(trustedDevice, deviceLocks),
    },
  };
}

let warnedUnknownIp = false;

/**
 * The rules that apply and the key for each. A trusted device answers to its
 * own budget only: its failures are its own, and the locks untrusted clients
 * bring on the account or an address do not apply to it (OWASP device
 * cookies). With no trustworthy address (TRUSTED_PROXY_HOPS=0) the IP rules
 * are skipped: one shared "unknown" bucket would let 20 failures anywhere
 * lock every customer out of sign-in.
 */
function applicable(rules: Rules, attempt: SignInAttempt): Array<[LockoutRule, string]> {
  if (attempt.trustedDevice) return [[rules.device, attempt.trustedDevice]];
  const account = accountKey(attempt.email);
  const ip = ipKey(attempt.ip);
  if (!ip && !warnedUnknownIp) {
    warnedUnknownIp = true;
    logger.warn("sign-in throttling without client addresses: set TRUSTED_PROXY_HOPS behind a proxy");
  }
  const accountIp = `${account}:${ip ?? "unknown"}`;
  const pairs: Array<[LockoutRule, string]> = [
    [rules.accountIp, accountIp],
    [rules.account, account],
  ];
  if (ip) pairs.push([rules.ipBurst, ip], [rules.ipDaily, ip]);
  return pairs;
}

/** A throttle on `store` (default: the process-wide one) under `keyPrefix` (tests use their own). */
export function createSignInThrottle(options: { store?: LimiterStore; keyPrefix?: string } = {}): SignInThrottle {
  const store = options.store ?? defaultLimiterStore();
  const rules = buildRules(store, options.keyPrefix ?? "signin");
  const check = async (attempt: SignInAttempt): Promise<ThrottleDecision> => {
    try {
      await limiterStoreReady(store);
      const pairs = applicable(rules, attempt);
      return strictest(await Promise.all(pairs.map(([rule, key]) => lockStatus(rule, key))));
    } catch (error) {
      return storeUnavailable(error, "sign-in check");
    }
  };
  return {
    check,
    async recordFailure(attempt) {
      try {
        await limiterStoreReady(store);
        await Promise.all(applicable(rules, attempt).map(([rule, key]) => countFailure(rule, key)));
      } catch (error) {
        return storeUnavailable(error, "sign-in failure");
      }
      return check(attempt);
    },
    async recordSuccess(attempt) {
      // Only the account+address streak (and its growing delay) ends: a success
      // must not reset IP or account-wide counts, or an attacker could clear
      // them by signing in to an account of his own between guesses.
      const key = `${accountKey(attempt.email)}:${ipKey(attempt.ip) ?? "unknown"}`;
      const device = attempt.trustedDevice;
      try {
        await limiterStoreReady(store);
        await Promise.all([
          resetRule(rules.accountIp, key),
          rules.accountIpLocks.delete(key),
          ...(device ? [resetRule(rules.device, device), rules.deviceLocks.delete(device)] : []),
        ]);
      } catch (error) {
        // The user is already authenticated; stale counters only cost them a later delay.
        logger.error({ err: error }, "rate-limit store unavailable; sign-in streak not reset");
      }
    },
  };
}

let defaultThrottle: SignInThrottle | undefined;
const throttle = (): SignInThrottle => (defaultThrottle ??= createSignInThrottle());

/**
 * Whether a sign-in attempt may be tried at all. Consumes nothing. Call it
 * before verifying the password and answer a refusal with 429 + Retry-After.
 */
export function checkSignIn(attempt: SignInAttempt): Promise<ThrottleDecision> {
  return throttle().check(attempt);
}

/** Counts a failed sign-in (wrong password or unknown account); answers whether the NEXT attempt is allowed. */
export function recordSignInFailure(attempt: SignInAttempt): Promise<ThrottleDecision> {
  return throttle().recordFailure(attempt);
}

/** Ends the account+address failure streak after a correct password. Never throws. */
export function recordSignInSuccess(attempt: SignInAttempt): Promise<void> {
  return throttle().recordSuccess(attempt);
}
