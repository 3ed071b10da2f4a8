import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { textFields } from "../../action-state";
import { emailField, nameField } from "../../schemas";

const roleField = z.enum(STAFF_ROLES, { error: "Choose a role." });
const staffIdField = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Unknown staff member.");

export const inviteStaffSchema = z.object({ email: emailField, name: nameField, role: roleField });
export type InviteStaffInput = z.infer<typeof inviteStaffSchema>;

export const changeStaffRoleSchema = z.object({ userId: staffIdField, role: roleField });
export type ChangeStaffRoleInput = z.infer<typeof changeStaffRoleSchema>;

export const staffMemberSchema = z.object({ userId: staffIdField });

/*
 * Each form is read by name, field by field: whatever else a request carries
 * (a kind, a password hash, "deactivatedAt") is never looked at, so it cannot
 * be mass-assigned onto the account.
 */
export const readInviteForm = (formData: FormData) => textFields(formData, ["email", "name", "role"]);
export const readRoleForm = (formData: FormData) => textFields(formData, ["userId", "role"]);
export const readMemberForm = (formData: FormData) => textFields(formData, ["userId"]);
