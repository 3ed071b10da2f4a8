"use server";

import "server-only";
import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { hashPassword } from "@/lib/auth/password/hashing";
import { canAssignRole, ROLE_LABELS } from "@/lib/auth/permissions";
import { createStaffAccount } from "@/lib/dal/staff/accounts";
import { StaffAccountError } from "@/lib/dal/staff/account-errors";
import { staffAction } from "../../pipeline/audiences";
import { staffAccountMessage } from "./staff-account-messages";
import { inviteStaffSchema } from "./staff-schemas";

/**
 * Invites a staff member: the account is created with an unusable password
 * and a single-use set-up link is mailed. The role is re-checked here and in
 * the DAL: nobody grants a permission they lack, whatever the form offered.
 */
export const inviteStaffAction = staffAction(
  {
    permission: "staff:manage",
    returnTo: "/admin/staff",
    input: { fields: ["email", "name", "role"], schema: inviteStaffSchema, echo: { email: 254, name: 100, role: 40 } },
  },
  async ({ viewer, input: { email, name, role }, values }) => {
    if (!canAssignRole(viewer.role, role)) {
      return { status: "error", fieldErrors: { role: [`You cannot give the ${ROLE_LABELS[role]} role.`] }, values };
    }
    // A hash of random bytes nobody ever sees: no password matches it until the link sets one.
    const placeholderHash = await hashPassword(randomBytes(32).toString("base64url"));
    try {
      await createStaffAccount({ email, name, role, passwordHash: null, placeholderHash }, viewer, await auditContext());
    } catch (error) {
      if (error instanceof StaffAccountError) return { status: "error", message: staffAccountMessage(error), values };
      throw error;
    }
    revalidatePath("/admin/staff");
    return { status: "success", message: `Invitation sent to ${email}.` };
  },
);
