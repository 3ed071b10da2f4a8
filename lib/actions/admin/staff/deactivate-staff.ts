"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { deactivateStaff, StaffAccountError } from "@/lib/dal/staff/accounts";
import { type ActionState, fieldErrorsOf } from "../../action-state";
import { readMemberForm, staffMemberSchema } from "./staff-schemas";

/** Deactivates a staff account (sessions end, history stays); the DAL protects the last owner and the viewer's own account. */
export async function deactivateStaffAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireStaffPermission("staff:manage", { returnTo: "/admin/staff" });
  const parsed = staffMemberSchema.safeParse(readMemberForm(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await deactivateStaff(viewer, parsed.data.userId, await auditContext());
  } catch (error) {
    if (error instanceof StaffAccountError) return { status: "error", message: error.message };
    throw error;
  }
  revalidatePath("/admin/staff");
  return { status: "success", message: "The account was deactivated and its sessions ended." };
}
