import "server-only";
import { notFound, redirect } from "next/navigation";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { requireSession } from "@/lib/guards/current-session";
import { hasSecondFactor } from "./session/assurance";

/**
 * Guard for every admin page and action. Customers (and visitors) get a 404:
 * the admin's existence is not advertised. Staff without two-factor sign-in
 * are sent to enrol first — staff accounts must use a second factor.
 */
export async function requireStaff(returnTo = "/admin"): Promise<ActiveSession> {
  const viewer = await requireSession(returnTo);
  if (viewer.audience !== "staff") notFound();
  if (!viewer.user.twoFactorEnabled || !hasSecondFactor(viewer.assurance)) redirect("/account/security?notice=staff-two-factor-required");
  return viewer;
}
