import "server-only";
import { redirect } from "next/navigation";
import { isRecentlyAuthenticated, type ProvenFactor } from "./step-up-window";

export { isRecentlyAuthenticated };

/**
 * Guard for sensitive actions (change password or email, two-factor changes,
 * ending all sessions): without a recent factor, the user is sent to confirm
 * it once and then returned to `returnTo` to repeat the action.
 */
export function requireRecentAuthentication(viewer: ProvenFactor, returnTo: string): void {
  if (!isRecentlyAuthenticated(viewer)) redirect(`/account/confirm?returnTo=${encodeURIComponent(returnTo)}`);
}
