"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { changeStaffRole } from "@/lib/dal/staff/accounts";
import { StaffAccountError } from "@/lib/dal/staff/account-errors";
import { staffAction } from "../../pipeline/audiences";
import { staffAccountMessage } from "./staff-account-messages";
import { changeStaffRoleSchema } from "./staff-schemas";

/** Gives a staff member another role; the DAL refuses roles the viewer lacks and the last owner's demotion. */
export const changeStaffRoleAction = staffAction(
  { permission: "staff:manage", returnTo: "/admin/staff", input: { fields: ["userId", "role"], schema: changeStaffRoleSchema } },
  async ({ viewer, input }) => {
    try {
      await changeStaffRole(viewer, input.userId, input.role, await auditContext());
    } catch (error) {
      if (error instanceof StaffAccountError) return { status: "error", message: staffAccountMessage(error) };
      throw error;
    }
    revalidatePath("/admin/staff");
    return { status: "success", message: `Role set to ${ROLE_LABELS[input.role]}. Their sessions were ended: the new role applies at their next sign-in.` };
  },
);
