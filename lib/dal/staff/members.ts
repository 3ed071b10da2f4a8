import "server-only";
import { cache } from "react";
import { isStaffRole, type StaffRoleName } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { POLICY_VERSION } from "@/lib/staff/data-handling-policy";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";

/** A signed-in staff member, as every admin page, action and DAL function sees them. */
export type StaffViewer = {
  userId: string;
  sessionId: string;
  role: StaffRoleName;
  name: string;
  email: string;
  reauthenticatedAt: Date | null;
  /** Whether they accepted the current data-handling policy. */
  policyAccepted: boolean;
};

/**
 * The staff member behind a session, or null (a customer, a deactivated
 * account, no role). Once per request and session: the admin layout and the
 * page's guard both ask, with the same per-request session object.
 */
export const loadStaffViewer = cache(async (session: ActiveSession): Promise<StaffViewer | null> => {
  if (session.audience !== "staff") return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: {
      staffRole: true,
      deactivatedAt: true,
      policyAcceptances: { where: { version: POLICY_VERSION }, select: { id: true } },
    },
  });
  if (!user || user.deactivatedAt || !isStaffRole(user.staffRole)) return null;
  return {
    userId: session.userId,
    sessionId: session.sessionId,
    role: user.staffRole,
    name: session.user.name,
    email: session.user.email,
    reauthenticatedAt: session.reauthenticatedAt,
    policyAccepted: user.policyAcceptances.length > 0,
  };
});
