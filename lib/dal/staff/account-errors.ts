import "server-only";
import type { StaffRoleName } from "@/lib/auth/permissions";

/** Why the rules refuse a staff change; the actions (and the command line) turn each into a message. */
export const STAFF_ACCOUNT_ERROR_CODES = {
  roleNotAssignable: "role_not_assignable",
  emailTaken: "email_taken",
  notFound: "not_found",
  targetOutranks: "target_outranks",
  lastOwnerDemotion: "last_owner_demotion",
  selfDeactivation: "self_deactivation",
  lastOwnerRemoval: "last_owner_removal",
  selfRoleChange: "self_role_change",
  targetDeactivated: "target_deactivated",
} as const;

export type StaffAccountErrorCode = (typeof STAFF_ACCOUNT_ERROR_CODES)[keyof typeof STAFF_ACCOUNT_ERROR_CODES];

/**
 * A staff change the rules refuse: a code (and the role asked for), no text.
 * Thrown, so a refusal found inside a transaction (the last owner) rolls it back.
 */
export class StaffAccountError extends Error {
  override name = "StaffAccountError";
  constructor(
    readonly code: StaffAccountErrorCode,
    readonly role?: StaffRoleName,
  ) {
    super(code);
  }
}
