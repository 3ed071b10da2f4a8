"use server";

import "server-only";
import { redirect } from "next/navigation";
import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { acceptDataHandlingPolicy } from "@/lib/dal/staff/accounts";
import { POLICY_VERSION } from "@/lib/staff/data-handling-policy";
import type { ActionState } from "../action-state";

export async function acceptPolicyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireStaffPermission("dashboard:read", { skipPolicy: true, returnTo: "/admin/policy" });
  // The version shown must be the version in force: a page left open across a change accepts nothing.
  if (formData.get("version") !== POLICY_VERSION) return { status: "error", message: "The policy changed meanwhile: read the new version." };
  if (formData.get("accept") !== "on") return { status: "error", message: "Tick the box to confirm you have read and accept the policy." };
  await acceptDataHandlingPolicy(viewer, POLICY_VERSION, await auditContext());
  redirect("/admin");
}
