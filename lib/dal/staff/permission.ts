import "server-only";
import { can, type Permission } from "@/lib/auth/permissions";
import type { StaffViewer } from "./members";

export class PermissionDeniedError extends Error {
  override name = "PermissionDeniedError";
  constructor(readonly permission: Permission) {
    super(`This needs the ${permission} permission.`);
  }
}

/** The DAL's own check: a staff DAL function never trusts that its caller ran the guard. */
export function assertPermission(viewer: StaffViewer, permission: Permission): void {
  if (!can(viewer.role, permission)) throw new PermissionDeniedError(permission);
}
