import "server-only";
import { env } from "@/lib/env";

/** The part of a session step-up reads: when a factor was last proven in it. */
export type ProvenFactor = { reauthenticatedAt: Date | null };

/**
 * Whether a factor was proven in this session within the step-up window
 * (default 10 minutes). Free of Next.js, so the DAL code the worker and the
 * commands bundle (dist/) can use it too.
 */
export function isRecentlyAuthenticated(viewer: ProvenFactor, now = Date.now()): boolean {
  const at = viewer.reauthenticatedAt?.getTime();
  return at !== undefined && now - at <= env.STEP_UP_WINDOW_SECONDS * 1000;
}
