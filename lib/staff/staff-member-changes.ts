import { can, canAssignRole, STAFF_ROLES, type StaffRoleName } from "@/lib/auth/permissions";

/**
 * What may be done to a staff member, judged from the viewer, the member and
 * the number of active owners. The staff list DTO and the staff mutations both
 * ask these, so "Change role" and "Deactivate" are offered exactly when their
 * mutation would accept. Least privilege: nobody grants what they lack, and
 * nobody changes their own role or deactivates themselves (another holder of
 * staff:manage must, so no one widens or keeps their own access alone).
 */
export type StaffMemberFacts = { id: string; role: StaffRoleName; deactivated: boolean };

/** The one changing a staff member. */
export type StaffChanger = { userId: string; role: StaffRoleName };

/** Why a change to a staff member is refused, the permission aside (that refusal is the DAL's PermissionDeniedError). */
export type StaffChangeRefusal =
  | "self_role_change"
  | "self_deactivation"
  | "target_outranks"
  | "target_deactivated"
  | "last_owner_demotion"
  | "last_owner_removal";

/** The refusal shared by both changes: oneself, someone holding what the viewer lacks, an account already deactivated. */
function memberRefusal(viewer: StaffChanger, target: StaffMemberFacts, self: StaffChangeRefusal): StaffChangeRefusal | null {
  if (target.id === viewer.userId) return self;
  if (!canAssignRole(viewer.role, target.role)) return "target_outranks";
  if (target.deactivated) return "target_deactivated";
  return null;
}

/**
 * Why the viewer may not give `target` another role, or null when they may
 * (the new role itself is checked with `canAssignRole`). `activeOwners` counts
 * the owners not deactivated, the target included.
 */
export function roleChangeRefusal(viewer: StaffChanger, target: StaffMemberFacts, activeOwners: number): StaffChangeRefusal | null {
  const refusal = memberRefusal(viewer, target, "self_role_change");
  if (refusal) return refusal;
  // Any other role is below owner: changing the only owner's role would leave the shop without one.
  if (target.role === "owner" && activeOwners <= 1) return "last_owner_demotion";
  return null;
}

/** Why the viewer may not deactivate `target`, or null when they may. */
export function deactivationRefusal(viewer: StaffChanger, target: StaffMemberFacts, activeOwners: number): StaffChangeRefusal | null {
  const refusal = memberRefusal(viewer, target, "self_deactivation");
  if (refusal) return refusal;
  if (target.role === "owner" && activeOwners <= 1) return "last_owner_removal";
  return null;
}

/** The roles the viewer may give `target` instead of their current one. */
export function assignableRolesFor(viewer: StaffChanger, target: StaffMemberFacts): StaffRoleName[] {
  return STAFF_ROLES.filter((role) => role !== target.role && canAssignRole(viewer.role, role));
}

/** What the viewer may do to a staff member now: the staff list DTO's `actions`. */
export function staffMemberActions(viewer: StaffChanger, target: StaffMemberFacts, activeOwners: number): { changeRole: boolean; deactivate: boolean } {
  const manages = can(viewer.role, "staff:manage");
  return {
    changeRole: manages && roleChangeRefusal(viewer, target, activeOwners) === null && assignableRolesFor(viewer, target).length > 0,
    deactivate: manages && deactivationRefusal(viewer, target, activeOwners) === null,
  };
}
