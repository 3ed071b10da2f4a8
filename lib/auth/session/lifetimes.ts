import "server-only";
import { env } from "@/lib/env";

/** Who a session belongs to decides how long it may live (staff sessions are short). */
export type SessionAudience = "customer" | "staff";

export type SessionLifetimes = { idleMs: number; absoluteMs: number };

const minute = 60_000;

/**
 * Idle and absolute lifetimes (ASVS V7.3.1/V7.3.2, NIST 800-63B §2.2.3):
 * "Remember me" customer sessions 14 days idle / 30 days absolute; browser
 * sessions (cookie without expiry) 12 hours / 24 hours; staff 30 minutes /
 * 12 hours whatever they ticked. All configurable.
 */
export function sessionLifetimes(audience: SessionAudience, persistent: boolean): SessionLifetimes {
  if (audience === "staff") {
    return { idleMs: env.SESSION_STAFF_IDLE_MINUTES * minute, absoluteMs: env.SESSION_STAFF_ABSOLUTE_MINUTES * minute };
  }
  return persistent
    ? { idleMs: env.SESSION_REMEMBER_IDLE_MINUTES * minute, absoluteMs: env.SESSION_REMEMBER_ABSOLUTE_MINUTES * minute }
    : { idleMs: env.SESSION_BROWSER_IDLE_MINUTES * minute, absoluteMs: env.SESSION_BROWSER_ABSOLUTE_MINUTES * minute };
}

/** The longest any session may live: the session cookie's Max-Age when it is persistent. */
export function longestSessionSeconds(): number {
  return Math.max(env.SESSION_REMEMBER_ABSOLUTE_MINUTES, env.SESSION_STAFF_ABSOLUTE_MINUTES) * 60;
}
