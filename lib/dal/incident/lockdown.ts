import "server-only";
import type { AuditContext } from "@/lib/context/request-context";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/dal/audit/log";
import { actorIdOf, auditActorOf, checkIncidentActor, type IncidentActor, type Refused } from "./actor";
import { forgetLockdownStatus, LOCKDOWN_ROW } from "@/lib/dal/lockdown/state";

export type SetLockdownResult = { ok: true; active: boolean; changed: boolean } | Refused;

/**
 * Turns lockdown mode on or off (incident tool 3): one row, written with its
 * audit entry in one transaction. While on, checkout, payment starts and
 * sign-ups are refused by assertShopOpen (lib/dal/lockdown/state.ts); the storefront
 * shows a banner. Other instances see the switch within LOCKDOWN_CACHE_MS.
 * `row` is for tests on a shared database (the shop reads only its own row).
 */
export async function setLockdown(
  actor: IncidentActor,
  input: { active: boolean; reason: string },
  context: AuditContext,
  options: { now?: Date; row?: string } = {},
): Promise<SetLockdownResult> {
  const now = options.now ?? new Date();
  const id = options.row ?? LOCKDOWN_ROW;
  const checked = checkIncidentActor(actor, input.reason, now.getTime());
  if (!checked.ok) return checked;
  const result = await db.$transaction(async (tx) => {
    // The row lock orders two owners switching at once; the audit says what each saw before.
    await tx.$executeRaw`INSERT INTO "LockdownState" (id, active, "changedAt") VALUES (${id}, false, ${now}) ON CONFLICT (id) DO NOTHING`;
    const [before] = await tx.$queryRaw<{ active: boolean }[]>`SELECT active FROM "LockdownState" WHERE id = ${id} FOR UPDATE`;
    await tx.lockdownState.update({
      where: { id },
      data: { active: input.active, reason: checked.reason, changedById: actorIdOf(actor), changedAt: now },
    });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: input.active ? "incident.lockdown_enabled" : "incident.lockdown_disabled",
      target: { type: "shop", id: `lockdown:${id}` },
      before: { active: before?.active ?? false },
      after: { active: input.active },
      reason: checked.reason,
      outcome: "success",
      context,
    });
    return { ok: true as const, active: input.active, changed: (before?.active ?? false) !== input.active };
  });
  forgetLockdownStatus();
  return result;
}
