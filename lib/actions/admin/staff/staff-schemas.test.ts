import { describe, expect, it } from "vitest";
import { changeStaffRoleSchema, inviteStaffSchema, readInviteForm, readMemberForm, readRoleForm } from "./staff-schemas";

/** A form as an attacker might post it: the expected fields plus columns of the User model. */
function tamperedForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  for (const [key, value] of Object.entries({
    kind: "staff",
    staffRole: "owner",
    passwordHash: "$argon2id$attacker",
    emailVerifiedAt: "2020-01-01",
    deactivatedAt: "",
    id: "someone-else",
  })) {
    form.set(key, value);
  }
  return form;
}

describe("staff forms read only their own fields (no mass assignment)", () => {
  it("the invitation: email, name and role", () => {
    const form = tamperedForm({ email: " New.Hire@Example.test ", name: "New Hire", role: "support" });
    const read = readInviteForm(form);
    expect(Object.keys(read).sort()).toEqual(["email", "name", "role"]);
    expect(inviteStaffSchema.parse(read)).toEqual({ email: "New.Hire@Example.test", name: "New Hire", role: "support" });
  });

  it("the role change: the member and the role; deactivation: the member", () => {
    const form = tamperedForm({ userId: "cm0abc123", role: "fulfilment" });
    expect(changeStaffRoleSchema.parse(readRoleForm(form))).toEqual({ userId: "cm0abc123", role: "fulfilment" });
    expect(Object.keys(readMemberForm(form))).toEqual(["userId"]);
  });

  it("refuses roles that do not exist and ids that cannot be ids", () => {
    expect(inviteStaffSchema.safeParse({ email: "a@example.test", name: "A", role: "superuser" }).success).toBe(false);
    expect(changeStaffRoleSchema.safeParse({ userId: "x' OR 1=1", role: "owner" }).success).toBe(false);
  });
});
