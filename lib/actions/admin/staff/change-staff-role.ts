"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { changeStaffRole, StaffAccountError } from "@/lib/dal/staff/accounts";
import { type ActionState, fieldErrorsOf } from "../../action-state";
import { changeStaffRoleSchema, readRoleForm } from "./staff-schemas";

/** Gives a staff member another role; the DAL refuses roles the viewer lacks and the last owner's demotion. */
export async function changeStaffRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireStaffPermission("staff:manage", { returnTo: "/admin/staff" });
  const parsed = changeStaffRoleSchema.safeParse(readRoleForm(formData));
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await changeStaffRole(viewer, parsed.data.userId, parsed.data.role, await auditContext());
  } catch (error) {
    if (error instanceof StaffAccountError) return { status: "error", message: error.message };
    throw error;
  }
  revalidatePath("/admin/staff");
  return { status: "success", message: `Role set to ${ROLE_LABELS[parsed.data.role]}. Their sessions were ended: the new role applies at their next sign-in.` };
}
