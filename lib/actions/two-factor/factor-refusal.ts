import "server-only";
import { retryMessage, TEMPORARILY_UNAVAILABLE } from "../action-state";

/** Why a factor (password, TOTP or recovery code) was not accepted, as the DAL reports it. */
type FactorRefusal = { reason: string; retryAfterSeconds?: number };

/**
 * The text beside the field of a refused factor: throttling says when to try
 * again, a rate-limit store outage says so (never "too many attempts"), and
 * anything else is `wrongFactor`, which never says which part was wrong.
 */
export function factorRefusalMessage(refusal: FactorRefusal, wrongFactor: string): string {
  if (refusal.reason === "throttled") return `Too many attempts. ${retryMessage(refusal.retryAfterSeconds ?? 0)}`;
  if (refusal.reason === "unavailable") return TEMPORARILY_UNAVAILABLE;
  return wrongFactor;
}
