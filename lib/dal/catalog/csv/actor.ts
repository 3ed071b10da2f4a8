import "server-only";
import type { AuditContext } from "@/lib/context/request-context";
import type { Permission } from "@/lib/auth/permissions";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";

/**
 * Who imports or exports the catalog: a staff member in the admin, or an
 * operator at the shop's shell (`npm run catalog:import`). The command holds
 * the database credentials already, so it needs no session; it is recorded as
 * actor "cli", role "operator", with the operator's name in the user agent.
 */
export type CatalogCsvActor = { kind: "staff"; viewer: StaffViewer } | { kind: "cli"; operator: string };

/** The DAL's own check (PermissionDeniedError): staff need `permission`; the shell already has the database. */
export function assertCatalogCsvPermission(actor: CatalogCsvActor, permission: Permission): void {
  if (actor.kind === "staff") assertPermission(actor.viewer, permission);
}

/** The audit entry's actor, and the id stock adjustments record ("cli" for the shell). */
export function catalogCsvAuditActor(actor: CatalogCsvActor): { id: string; role: string } {
  return actor.kind === "staff" ? { id: actor.viewer.userId, role: actor.viewer.role } : { id: "cli", role: "operator" };
}

/** The request context of a command: there is no IP; the operator's name goes in the user agent. */
export function catalogCliContext(command: string, operator: string): AuditContext {
  return { ip: "127.0.0.1", userAgent: `npm run ${command} (operator ${operator.slice(0, 80)})`, requestId: null };
}
