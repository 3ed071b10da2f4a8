import "server-only";
import { z } from "zod";
import { isRecentlyAuthenticated } from "@/lib/auth/step-up-window";
import type { AuditContext } from "@/lib/context/request-context";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";

/**
 * Who runs an incident tool: an owner (security:manage) from the admin, or an
 * operator at the shop's shell through `npm run incident:<tool>`. The command
 * holds the database credentials already, so it needs no session or step-up;
 * it is recorded as actor "cli" with role "operator" and the operator's name.
 */
export type IncidentActor = { kind: "staff"; viewer: StaffViewer } | { kind: "cli"; operator: string };

/** How long a reason must be: enough to name the incident or ticket, short enough for the log. */
export const INCIDENT_REASON_LENGTH = { min: 10, max: 500 } as const;

/** The reason every incident tool asks for (admin forms and commands alike). */
export const incidentReasonSchema = z
  .string()
  .trim()
  .min(INCIDENT_REASON_LENGTH.min, `Say why (at least ${INCIDENT_REASON_LENGTH.min} characters, e.g. the incident or ticket number).`)
  .max(INCIDENT_REASON_LENGTH.max, `Use at most ${INCIDENT_REASON_LENGTH.max} characters.`);

/** Why an incident tool refused; nothing was changed for any of them. */
export const IncidentRefusal = {
  reasonInvalid: "reason_invalid",
  stepUpRequired: "step_up_required",
} as const;
export type IncidentRefusal = (typeof IncidentRefusal)[keyof typeof IncidentRefusal];

export type Refused = { ok: false; code: IncidentRefusal };

/**
 * The checks every tool makes before it changes anything: the permission
 * (thrown, PermissionDeniedError, like every staff DAL function), the reason,
 * then a second factor proven within the step-up window (staff only). Returns
 * the trimmed reason or the refusal.
 */
export function checkIncidentActor(actor: IncidentActor, reason: string, now = Date.now()): { ok: true; reason: string } | Refused {
  if (actor.kind === "staff") assertPermission(actor.viewer, "security:manage");
  const parsed = incidentReasonSchema.safeParse(reason);
  if (!parsed.success) return { ok: false, code: IncidentRefusal.reasonInvalid };
  if (actor.kind === "staff" && !isRecentlyAuthenticated(actor.viewer, now)) return { ok: false, code: IncidentRefusal.stepUpRequired };
  return { ok: true, reason: parsed.data };
}

/** The audit entry's actor: the staff member, or "cli"/"operator". */
export function auditActorOf(actor: IncidentActor): { id: string; role: string } {
  return actor.kind === "staff" ? { id: actor.viewer.userId, role: actor.viewer.role } : { id: "cli", role: "operator" };
}

/** The id stored as "changed by" / "created by": the staff member's id or "cli". */
export const actorIdOf = (actor: IncidentActor) => auditActorOf(actor).id;

/** The request context of a command: the operator's name goes in the user agent (there is no IP). */
export function cliAuditContext(tool: string, operator: string): AuditContext {
  return { ip: "127.0.0.1", userAgent: `npm run incident:${tool} (operator ${operator.slice(0, 80)})`, requestId: null };
}
