import "server-only";
import { notFound, redirect } from "next/navigation";
import { recordDeniedAccess } from "@/lib/dal/staff/access";
import { loadStaffViewer, type StaffViewer } from "@/lib/dal/staff/members";
import { auditContext } from "@/lib/auth/audit-context";
import { getCurrentSession, requireSession } from "./current-session";
import { hasSecondFactor } from "@/lib/auth/session/assurance";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { can, type Permission } from "@/lib/auth/permissions";

export type StaffGuardOptions = { returnTo?: string; skipPolicy?: boolean };

/**
 * The guard of every admin page, server action and route: a signed-in staff
 * member whose session proved a second factor, the current data-handling policy accepted,
 * and `permission` in their role. A customer gets a 404 (the admin is not
 * advertised); a staff member without the permission is sent to the
 * dashboard with a notice. Every refusal is counted, and the first of each
 * window audited (recordDeniedAccess), so repeated refusals do not each take
 * the audit chain's lock.
 */
export async function requireStaffPermission(permission: Permission, options: StaffGuardOptions = {}): Promise<StaffViewer> {
  const session = await requireSession(options.returnTo ?? "/admin");
  if (session.audience !== "staff") {
    await recordDeniedAccess({ actorId: session.userId, role: null, permission, context: await auditContext() });
    notFound();
  }
  if (!isSecondFactorSession(session)) redirect("/account/security?notice=staff-two-factor-required");
  const viewer = await loadStaffViewer(session);
  if (!viewer) {
    await recordDeniedAccess({ actorId: session.userId, role: null, permission, context: await auditContext() });
    notFound();
  }
  if (!options.skipPolicy && !viewer.policyAccepted) redirect("/admin/policy");
  if (!can(viewer.role, permission)) {
    await recordDeniedAccess({ actorId: viewer.userId, role: viewer.role, permission, context: await auditContext() });
    redirect(`/admin?denied=${encodeURIComponent(permission)}`);
  }
  return viewer;
}

/**
 * The staff member of the current request if they hold `permission` and would
 * pass requireStaffPermission, or null: for responses that are answered with a
 * plain 404 rather than a redirect (an unpublished product's image).
 */
export async function findStaffWithPermission(permission: Permission): Promise<StaffViewer | null> {
  const session = await getCurrentSession();
  if (!session || session.audience !== "staff" || !isSecondFactorSession(session)) return null;
  const viewer = await loadStaffViewer(session);
  return viewer && viewer.policyAccepted && can(viewer.role, permission) ? viewer : null;
}

/**
 * The admin's second-factor rule: the account has two-factor on and this very
 * session proved it (at sign-in or at enrolment); the account's setting alone is not enough.
 */
export function isSecondFactorSession(session: Pick<ActiveSession, "user" | "assurance">): boolean {
  return session.user.twoFactorEnabled && hasSecondFactor(session.assurance);
}
