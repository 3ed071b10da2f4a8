import "server-only";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";

/** The part of a session step-up reads: when a factor was last proven in it. */
type ProvenFactor = { reauthenticatedAt: Date | null };

/** Whether a factor was proven in this session within the step-up window (default 10 minutes). */
export function isRecentlyAuthenticated(viewer: ProvenFactor, now = Date.now()): boolean {
  const at = viewer.reauthenticatedAt?.getTime();
  return at !== undefined && now - at <= env.STEP_UP_WINDOW_SECONDS * 1000;
}

/**
 * Guard for sensitive actions (change password or email, two-factor changes,
 * ending all sessions): without a recent factor, the user is sent to confirm
 * it once and then returned to `returnTo` to repeat the action.
 */
export function requireRecentAuthentication(viewer: ProvenFactor, returnTo: string): void {
  if (!isRecentlyAuthenticated(viewer)) redirect(`/account/confirm?returnTo=${encodeURIComponent(returnTo)}`);
}
