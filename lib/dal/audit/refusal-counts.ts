import "server-only";
import { mayRecordRefusal } from "@/lib/auth/rate-limit/refusal-limits";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Refusals are counted in fixed windows of this length (a window's row holds its count). */
export const REFUSAL_WINDOW_MS = 10 * 60_000;

const HOUR_MS = 3_600_000;

export type RefusalKind = "access_denied" | "payment_webhook_rejected";

/** One counter: what kind of refusal, who was refused (an account id or an address digest), and what they asked for. */
export type RefusalKey = { kind: RefusalKind; subject: string; detail: string };

/**
 * What became of a refusal: "recorded" (the first of its window: its full
 * entry was written), "counted" (only its window's count grew) or "limited"
 * (over the subject's rate limit: nothing was written).
 */
export type RefusalOutcome = "recorded" | "counted" | "limited";

/** The start of the window `now` falls in. */
export function refusalWindowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / REFUSAL_WINDOW_MS) * REFUSAL_WINDOW_MS);
}

/** Adds one to the key's count in the current window (one atomic upsert); returns the window's count. */
async function countRefusal(tx: Prisma.TransactionClient, key: RefusalKey, now: Date): Promise<number> {
  const rows = await tx.$queryRaw<{ count: number }[]>`
    INSERT INTO "RefusalCount" ("kind", "subject", "detail", "windowStart", "count", "lastAt")
    VALUES (${key.kind}, ${key.subject.slice(0, 80)}, ${key.detail.slice(0, 80)}, ${refusalWindowStart(now)}, 1, ${now})
    ON CONFLICT ("kind", "subject", "detail", "windowStart")
    DO UPDATE SET "count" = "RefusalCount"."count" + 1, "lastAt" = EXCLUDED."lastAt"
    RETURNING "count"`;
  return rows[0]?.count ?? 1;
}

/**
 * Records one refusal without amplifying writes: over the subject's rate
 * limit nothing is written; otherwise its window's counter grows by one and
 * only the first refusal of the window runs `first` (the full audit entry or
 * security event, in the same transaction as the counter), so a flood takes
 * the audit chain's lock once per window, not once per request. `then` runs
 * after every counted refusal (e.g. an alert on the counts).
 */
export async function recordRefusal(
  key: RefusalKey,
  writes: { first: (tx: Prisma.TransactionClient) => Promise<void>; then?: (tx: Prisma.TransactionClient) => Promise<void> },
  now = new Date(),
): Promise<RefusalOutcome> {
  if (!(await mayRecordRefusal(key.kind, key.subject))) return "limited";
  return db.$transaction(async (tx) => {
    const count = await countRefusal(tx, key, now);
    if (count === 1) await writes.first(tx);
    await writes.then?.(tx);
    return count === 1 ? "recorded" : "counted";
  });
}

/** How many refusals of `kind` the subject had counted in the last hour (whole windows that started within it), whatever they asked for. */
export async function recentRefusals(
  tx: Prisma.TransactionClient,
  key: Omit<RefusalKey, "detail">,
  now = new Date(),
): Promise<number> {
  const result = await tx.refusalCount.aggregate({
    where: { kind: key.kind, subject: key.subject, windowStart: { gt: new Date(now.getTime() - HOUR_MS) } },
    _sum: { count: true },
  });
  return result._sum.count ?? 0;
}

/**
 * Refusal counters feed the repeated-refusal alerts (the last hour) and investigations; the first
 * refusal of every window is kept in full in the audit log or the security events, so the counts
 * are kept for a quarter and then dropped.
 */
export const REFUSAL_COUNT_RETENTION_DAYS = 90;

/** Deletes refusal counters whose window began longer ago than the retention period. Returns how many. */
export async function sweepOldRefusalCounts(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - REFUSAL_COUNT_RETENTION_DAYS * 86_400_000);
  const { count } = await db.refusalCount.deleteMany({ where: { windowStart: { lt: cutoff } } });
  return count;
}
