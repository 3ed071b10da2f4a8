import { describe, expect, it } from "vitest";
import { STAFF_ACCOUNT_ERROR_CODES, StaffAccountError } from "@/lib/dal/staff/account-errors";
import { staffAccountMessage } from "./staff-account-messages";

describe("staff account refusals", () => {
  it("carry a code and no text from the DAL", () => {
    expect(new StaffAccountError(STAFF_ACCOUNT_ERROR_CODES.lastOwnerRemoval).message).toBe("last_owner_removal");
  });

  it.each<[StaffAccountError, string]>([
    [new StaffAccountError("role_not_assignable", "owner"), "You cannot give the Owner role."],
    [new StaffAccountError("email_taken"), "An account with this email address already exists."],
    [new StaffAccountError("not_found"), "No such staff member."],
    [new StaffAccountError("target_outranks"), "You cannot change a staff member with more permissions than you."],
    [new StaffAccountError("last_owner_demotion"), "The last owner cannot be demoted: make someone else an owner first."],
    [new StaffAccountError("self_deactivation"), "You cannot deactivate your own account."],
    [new StaffAccountError("last_owner_removal"), "The last owner cannot be removed."],
    [new StaffAccountError("self_role_change"), "You cannot change your own role: another staff manager must."],
    [new StaffAccountError("target_deactivated"), "This account is deactivated."],
  ])("%s reads as before", (error, message) => {
    expect(staffAccountMessage(error)).toBe(message);
  });
});
