import "server-only";
import { ALLOWED, isLimitReached, refused, storeUnavailable, type ThrottleDecision } from "./decision";
import { accountKey, ipKey } from "./keys";
import { createLimiter, defaultLimiterStore, type Limiter, limiterStoreReady, type LimiterStore } from "./store";

/**
 * What each policy's key is: "ip" (from `clientIp`), "email" (as typed; it is
 * normalized and hashed here) or "account" (a user id).
 */
type KeyKind = "ip" | "email" | "account";

/**
 * Limits for account endpoints: `points` attempts per `duration` seconds.
 * A request limited on two keys makes two calls: a password-reset request
 * checks `passwordResetRequestByEmail` (stops mail-bombing one inbox) and
 * `passwordResetRequestByIp` (stops one client spraying many inboxes), and
 * answers the same way whichever refuses, so limits reveal no account.
 */
export const actionPolicies = {
  signUp: { keyKind: "ip", points: 10, duration: 3600 },
  passwordResetRequestByEmail: { keyKind: "email", points: 3, duration: 3600 },
  passwordResetRequestByIp: { keyKind: "ip", points: 20, duration: 3600 },
  verificationResend: { keyKind: "account", points: 5, duration: 3600 },
  passwordChange: { keyKind: "account", points: 10, duration: 3600 },
  // "This wasn't me" ends every session, so a second press within the hour is rare; a few allow a retry.
  compromiseReport: { keyKind: "account", points: 3, duration: 3600 },
  // Placing orders reserves stock: bursts are cut here, the open-order caps bound what is held.
  placeOrder: { keyKind: "account", points: 10, duration: 3600 },
  placeOrderByIp: { keyKind: "ip", points: 30, duration: 3600 },
  // A guest checkout needs no account, so it is throttled per client address as sign-up is.
  guestCheckoutByIp: { keyKind: "ip", points: 10, duration: 3600 },
  // Order-status links: lookups of a 256-bit token; the limit keeps guessing (and scraping) slow.
  orderStatusByIp: { keyKind: "ip", points: 30, duration: 60 },
  // Discount codes: a shopper types one or two; guessing codes is slowed per client address and per cart (or account).
  discountCodeByIp: { keyKind: "ip", points: 20, duration: 900 },
  discountCodeByCart: { keyKind: "account", points: 10, duration: 900 },
  // Proof-of-work challenges: cheap to serve, but each is a signature; a person needs a few an hour.
  botChallengeByIp: { keyKind: "ip", points: 30, duration: 600 },
  // The app's token and revocation endpoints: a refresh every 10 minutes per device; guessing codes or tokens is slowed per address.
  oauthTokenByIp: { keyKind: "ip", points: 60, duration: 600 },
} as const satisfies Record<string, { keyKind: KeyKind; points: number; duration: number }>;

/** The name of an action policy. */
export type ActionPolicy = keyof typeof actionPolicies;

function counterKey(kind: KeyKind, key: string): string | null {
  if (kind === "ip") return ipKey(key);
  if (kind === "email") return accountKey(key);
  return key;
}

/** Limiters for every policy on `store`, under `keyPrefix` (tests use their own). */
export function createActionLimiters(options: { store?: LimiterStore; keyPrefix?: string } = {}) {
  const store = options.store ?? defaultLimiterStore();
  const prefix = options.keyPrefix ?? "action";
  const limiters = {} as Record<ActionPolicy, Limiter>;
  for (const [name, { points, duration }] of Object.entries(actionPolicies)) {
    limiters[name as ActionPolicy] = createLimiter({ keyPrefix: `${prefix}:${name}`, points, duration }, store);
  }
  return { store, limiters };
}

/** Consumes one point of `policy` for `key` on limiters from `createActionLimiters`. */
export async function consumeAction(
  { store, limiters }: ReturnType<typeof createActionLimiters>,
  policy: ActionPolicy,
  key: string,
): Promise<ThrottleDecision> {
  const { keyKind } = actionPolicies[policy];
  const counter = counterKey(keyKind, key);
  // No trustworthy address (TRUSTED_PROXY_HOPS=0): one shared bucket would let
  // a single client exhaust the policy for everyone, so the IP policy is skipped.
  if (counter === null) return ALLOWED;
  try {
    await limiterStoreReady(store);
    await limiters[policy].consume(counter, 1);
    return ALLOWED;
  } catch (error) {
    if (isLimitReached(error)) return refused(error.msBeforeNext, keyKind === "ip" ? "ip" : "account");
    // Fail closed, as sign-in does: these endpoints send mail or guard credentials.
    return storeUnavailable(error, `action ${policy}`);
  }
}

let defaultLimiters: ReturnType<typeof createActionLimiters> | undefined;

/**
 * Consumes one attempt of `policy` for `key` on the shared store; a refusal
 * carries Retry-After seconds. See `actionPolicies` for what each key is.
 */
export function limitAction(policy: ActionPolicy, key: string): Promise<ThrottleDecision> {
  defaultLimiters ??= createActionLimiters();
  return consumeAction(defaultLimiters, policy, key);
}
