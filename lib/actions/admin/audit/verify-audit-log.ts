"use server";

import "server-only";
import { auditContext } from "@/lib/auth/audit-context";
import { breakLocation } from "@/lib/audit/hash-chain";
import { verifyAuditLog } from "@/lib/dal/staff/audit-log";
import { staffAction } from "../../pipeline/audiences";

export const verifyAuditLogAction = staffAction({ permission: "audit:read", returnTo: "/admin/audit" }, async ({ viewer }) => {
  const report = await verifyAuditLog(viewer, await auditContext());
  return report.broken
    ? { status: "error", message: `The audit log is broken${breakLocation(report.broken)}: ${report.broken.problem}. Entries before it (${report.checked}) are intact.` }
    : { status: "success", message: `The audit log is intact: ${report.checked} entries verified.` };
});
