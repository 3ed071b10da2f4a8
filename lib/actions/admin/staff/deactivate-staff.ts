"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { deactivateStaff } from "@/lib/dal/staff/accounts";
import { StaffAccountError } from "@/lib/dal/staff/account-errors";
import { staffAction } from "../../pipeline/audiences";
import { staffAccountMessage } from "./staff-account-messages";
import { staffMemberSchema } from "./staff-schemas";

/** Deactivates a staff account (sessions end, history stays); the DAL protects the last owner and the viewer's own account. */
export const deactivateStaffAction = staffAction(
  { permission: "staff:manage", returnTo: "/admin/staff", input: { fields: ["userId"], schema: staffMemberSchema } },
  async ({ viewer, input }) => {
    try {
      await deactivateStaff(viewer, input.userId, await auditContext());
    } catch (error) {
      if (error instanceof StaffAccountError) return { status: "error", message: staffAccountMessage(error) };
      throw error;
    }
    revalidatePath("/admin/staff");
    return { status: "success", message: "The account was deactivated and its sessions ended." };
  },
);
