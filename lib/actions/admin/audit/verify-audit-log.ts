"use server";

import "server-only";
import { auditContext } from "@/lib/auth/audit-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { breakLocation } from "@/lib/audit/hash-chain";
import { verifyAuditLog } from "@/lib/dal/staff/audit-log";
import type { ActionState } from "../../action-state";

export async function verifyAuditLogAction(): Promise<ActionState> {
  const viewer = await requireStaffPermission("audit:read", { returnTo: "/admin/audit" });
  const report = await verifyAuditLog(viewer, await auditContext());
  return report.broken
    ? { status: "error", message: `The audit log is broken${breakLocation(report.broken)}: ${report.broken.problem}. Entries before it (${report.checked}) are intact.` }
    : { status: "success", message: `The audit log is intact: ${report.checked} entries verified.` };
}
