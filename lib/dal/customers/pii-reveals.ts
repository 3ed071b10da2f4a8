import "server-only";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { isRecentlyAuthenticated } from "@/lib/auth/step-up-window";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/dal/audit/log";
import { raiseAlert } from "@/lib/dal/audit/insider-alerts";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { AuditContext } from "@/lib/context/request-context";

/** How long a reveal reason must be: long enough to name a ticket or a call, short enough for the log. */
export const REVEAL_REASON_LENGTH = { min: 10, max: 500 } as const;

export const PII_REVEALED = "customer.pii_revealed";

/** Why a reveal was refused (convention 8). Nothing is written for any of them. */
export const RevealRefusal = {
  reason_invalid: "reason_invalid",
  step_up_required: "step_up_required",
  not_a_customer: "not_a_customer",
} as const;
export type RevealRefusal = (typeof RevealRefusal)[keyof typeof RevealRefusal];

export type RevealResult = { ok: true; expiresAt: Date } | { ok: false; refusal: RevealRefusal };

const HOUR_MS = 3_600_000;

/**
 * Grants the viewer sight of one customer's personal data for
 * PII_REVEAL_MINUTES (ARCHITECTURE.md, "Staff and insider threats"). It needs
 * the customers:reveal_pii permission (thrown without it), a reason, and a
 * factor proven recently in this session; the grant, its audit entry (with
 * the reason) and its security event are written in one transaction, and a
 * staff member revealing more than ALERT_REVEALS_PER_HOUR customers in an
 * hour raises an alert for the owners.
 */
export async function revealCustomerPii(
  viewer: StaffViewer,
  input: { customerId: string; reason: string },
  context: AuditContext,
  now = new Date(),
): Promise<RevealResult> {
  assertPermission(viewer, "customers:reveal_pii");
  const reason = input.reason.trim();
  if (reason.length < REVEAL_REASON_LENGTH.min || reason.length > REVEAL_REASON_LENGTH.max) {
    return { ok: false, refusal: RevealRefusal.reason_invalid };
  }
  // The page sends the viewer through step-up first; this holds even for a caller that did not.
  if (!isRecentlyAuthenticated(viewer, now.getTime())) return { ok: false, refusal: RevealRefusal.step_up_required };

  const expiresAt = new Date(now.getTime() + env.PII_REVEAL_MINUTES * 60_000);
  return db.$transaction(async (tx): Promise<RevealResult> => {
    const customer = await tx.user.findFirst({ where: { id: input.customerId.slice(0, 40), kind: "customer" }, select: { id: true } });
    if (!customer) return { ok: false, refusal: RevealRefusal.not_a_customer };
    await tx.piiReveal.create({ data: { staffId: viewer.userId, customerId: customer.id, reason, expiresAt, createdAt: now } });
    await appendAudit(tx, {
      actor: { id: viewer.userId, role: viewer.role },
      action: PII_REVEALED,
      target: { type: "user", id: customer.id },
      after: { expiresAt: expiresAt.toISOString() },
      reason,
      outcome: "success",
      context,
    });
    await recordSecurityEvent(tx, {
      type: "pii_revealed",
      userId: viewer.userId,
      context,
      details: { customerId: customer.id, expiresAt: expiresAt.toISOString() },
    });
    await alertOnBulkReveals(tx, viewer, now);
    return { ok: true, expiresAt };
  });
}

/** Distinct customers revealed by the viewer in the last hour, this one included; over the limit, an alert. */
async function alertOnBulkReveals(tx: Prisma.TransactionClient, viewer: StaffViewer, now: Date): Promise<void> {
  const revealed = await tx.piiReveal.findMany({
    where: { staffId: viewer.userId, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
    distinct: ["customerId"],
    select: { customerId: true },
  });
  if (revealed.length <= env.ALERT_REVEALS_PER_HOUR) return;
  await raiseAlert(
    tx,
    {
      kind: "bulk_pii_reveal",
      actorId: viewer.userId,
      message: `A staff member (${ROLE_LABELS[viewer.role]}) revealed the personal data of ${revealed.length} customers in the last hour.`,
      details: { customers: revealed.length, limit: env.ALERT_REVEALS_PER_HOUR },
    },
    now,
  );
}

/**
 * Until when the viewer may see each of these customers unmasked: only live
 * grants of their own count, and only while their role still allows revealing
 * (a grant does not outlive a demotion). Customers without one are absent.
 */
export async function liveRevealsFor(viewer: StaffViewer, customerIds: readonly string[], now = new Date()): Promise<Map<string, Date>> {
  if (customerIds.length === 0 || !can(viewer.role, "customers:reveal_pii")) return new Map();
  const grants = await db.piiReveal.groupBy({
    by: ["customerId"],
    where: { staffId: viewer.userId, customerId: { in: [...customerIds] }, expiresAt: { gt: now } },
    _max: { expiresAt: true },
  });
  return new Map(grants.flatMap((grant) => (grant._max.expiresAt ? [[grant.customerId, grant._max.expiresAt] as const] : [])));
}
