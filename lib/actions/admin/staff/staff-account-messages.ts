import "server-only";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { StaffAccountError } from "@/lib/dal/staff/account-errors";

/** What the person who tried a staff change is told when the rules refuse it (the admin pages and the command line). */
export function staffAccountMessage(error: StaffAccountError): string {
  switch (error.code) {
    case "role_not_assignable":
      return `You cannot give the ${error.role ? ROLE_LABELS[error.role] : "requested"} role.`;
    case "email_taken":
      return "An account with this email address already exists.";
    case "not_found":
      return "No such staff member.";
    case "target_outranks":
      return "You cannot change a staff member with more permissions than you.";
    case "last_owner_demotion":
      return "The last owner cannot be demoted: make someone else an owner first.";
    case "self_deactivation":
      return "You cannot deactivate your own account.";
    case "last_owner_removal":
      return "The last owner cannot be removed.";
    case "self_role_change":
      return "You cannot change your own role: another staff manager must.";
    case "target_deactivated":
      return "This account is deactivated.";
  }
}
