import "server-only";
import { db } from "@/lib/db";
import type { FailedPayment, StaffActionRate } from "@/lib/security/detection/activity-rules";
import type { FailedSignIn } from "@/lib/security/detection/sign-in-rules";

/**
 * Small reads the detection rules run on; each returns only what its rule
 * counts (ids, addresses, times), never details beyond that. The worker calls them.
 */

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

export async function failedSignInsSince(since: Date): Promise<FailedSignIn[]> {
  const rows = await db.securityEvent.findMany({ where: { type: "sign_in_failed", createdAt: { gt: since } }, select: { userId: true, ip: true, createdAt: true } });
  return rows.map((row) => ({ userId: row.userId, ip: row.ip, at: row.createdAt }));
}

export async function twoFactorFailuresSince(since: Date): Promise<{ userId: string; at: Date }[]> {
  const rows = await db.securityEvent.findMany({ where: { type: "two_factor_failed", createdAt: { gt: since }, userId: { not: null } }, select: { userId: true, createdAt: true } });
  return rows.flatMap((row) => (row.userId ? [{ userId: row.userId, at: row.createdAt }] : []));
}

export async function signUpsSince(since: Date): Promise<{ ip: string | null; at: Date }[]> {
  const rows = await db.securityEvent.findMany({ where: { type: "sign_up", createdAt: { gt: since } }, select: { ip: true, createdAt: true } });
  return rows.map((row) => ({ ip: row.ip, at: row.createdAt }));
}

/**
 * Sign-ins since `since` that carry a country (only recorded with CLIENT_COUNTRY_HEADER),
 * and, for those accounts, the countries they signed in from before `since` (180 days back).
 */
export async function countrySignIns(since: Date, now: Date) {
  const recent = await db.$queryRaw<{ userId: string; country: string; at: Date }[]>`
    SELECT "userId", details->>'country' AS country, "createdAt" AS at FROM "SecurityEvent"
     WHERE type = 'sign_in_succeeded' AND "createdAt" > ${since} AND "userId" IS NOT NULL AND details->>'country' IS NOT NULL`;
  const userIds = [...new Set(recent.map((row) => row.userId))];
  const earlier = userIds.length
    ? await db.$queryRaw<{ userId: string; country: string }[]>`
        SELECT DISTINCT "userId", details->>'country' AS country FROM "SecurityEvent"
         WHERE type = 'sign_in_succeeded' AND "userId" = ANY(${userIds}) AND details->>'country' IS NOT NULL
           AND "createdAt" <= ${since} AND "createdAt" > ${ago(now, 180 * 86_400_000)}`
    : [];
  const earlierCountries = new Map<string, Set<string>>();
  for (const row of earlier) earlierCountries.set(row.userId, (earlierCountries.get(row.userId) ?? new Set()).add(row.country));
  return { signIns: recent, earlierCountries };
}

/** Orders whose payment failed or was abandoned after a hosted checkout was opened, settled since `since`. */
export async function failedPaymentsSince(since: Date): Promise<FailedPayment[]> {
  const rows = await db.order.findMany({
    where: { paymentStatus: { in: ["failed", "cancelled"] }, paymentAttempt: { gt: 0 }, updatedAt: { gt: since } },
    select: { userId: true, clientAddressIndex: true, updatedAt: true },
  });
  return rows.map((row) => ({ userId: row.userId, clientAddressIndex: row.clientAddressIndex, at: row.updatedAt }));
}

/** Audit actions watched (by name: the modules writing them import this folder, not the other way round). */
const STAFF_ACTIONS: Record<string, StaffActionRate["action"]> = {
  "order.refund_requested": "refund",
  "customer.pii_revealed": "pii_reveal",
  "order.address_viewed": "address_view",
};

/** Each staff member's refunds, reveals and address views: in the last hour, and in the 14 days before it. */
export async function staffActionRates(now: Date): Promise<StaffActionRate[]> {
  const hourAgo = ago(now, 3_600_000);
  const rows = await db.$queryRaw<{ actorId: string; action: string; lastHour: bigint; trailing: bigint }[]>`
    SELECT "actorId", action,
           count(*) FILTER (WHERE "createdAt" > ${hourAgo}) AS "lastHour",
           count(*) FILTER (WHERE "createdAt" <= ${hourAgo}) AS trailing
      FROM "AuditEntry"
     WHERE action = ANY(${Object.keys(STAFF_ACTIONS)}) AND outcome = 'success' AND "actorId" IS NOT NULL
       AND "createdAt" > ${ago(now, 15 * 86_400_000)} AND "createdAt" <= ${now}
     GROUP BY 1, 2
    HAVING count(*) FILTER (WHERE "createdAt" > ${hourAgo}) > 0`;
  return rows.flatMap((row) => {
    const action = STAFF_ACTIONS[row.action];
    return action ? [{ staffId: row.actorId, action, lastHour: Number(row.lastHour), trailing14Days: Number(row.trailing) }] : [];
  });
}
