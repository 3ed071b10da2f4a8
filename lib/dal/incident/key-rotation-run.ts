import "server-only";
import type { AuditContext } from "@/lib/context/request-context";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/dal/audit/log";
import { enqueueJob } from "@/lib/dal/jobs/enqueue";
import { type RotationReport, rotateEncryptedFields } from "@/lib/dal/operations/key-rotation";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import { auditActorOf, checkIncidentActor, type IncidentActor, type Refused } from "./actor";

/** The maintenance job that re-encrypts every field under the current key (lib/jobs/maintenance-handlers.ts). */
export const KEY_ROTATION_JOB = { type: "keys.rotate" } as const;

export const KeyRotationError = { alreadyRunning: "already_running" } as const;

export type KeyRotationTotals = { currentKeyId: string; scanned: number; reencrypted: number; failed: number; conflicts: number; interrupted: boolean };

/** A run's totals over every column (no row ids, no values). */
export function rotationTotals(report: RotationReport): KeyRotationTotals {
  const sum = (key: "scanned" | "reencrypted" | "failed" | "conflicts") => report.columns.reduce((total, column) => total + column[key], 0);
  return { currentKeyId: report.currentKeyId, scanned: sum("scanned"), reencrypted: sum("reencrypted"), failed: sum("failed"), conflicts: sum("conflicts"), interrupted: report.interrupted };
}

const OPEN_STATES = ["created", "retry", "active"];

/**
 * Queues key rotation for the worker (incident tool 4, from the admin): one at
 * a time, so a second request while one is queued or running is refused.
 * Audited with the job id, which the admin page shows the state of.
 */
export async function requestKeyRotation(
  actor: IncidentActor,
  input: { reason: string },
  context: AuditContext,
  now = new Date(),
): Promise<{ ok: true; jobId: string } | Refused | { ok: false; code: typeof KeyRotationError.alreadyRunning }> {
  const checked = checkIncidentActor(actor, input.reason, now.getTime());
  if (!checked.ok) return checked;
  return db.$transaction(async (tx) => {
    // Serialises two owners pressing the button at once (any constant key of its own).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7246019342)`;
    const open = await tx.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = 'maintenance' AND data->>'type' = ${KEY_ROTATION_JOB.type} AND state::text = ANY(${OPEN_STATES}::text[])`;
    if (Number(open[0]?.n ?? 0) > 0) return { ok: false as const, code: KeyRotationError.alreadyRunning };
    // A rotation that failed twice needs a person (keys, database): it is not retried for hours.
    const jobId = await enqueueJob(tx, "maintenance", KEY_ROTATION_JOB, { retryLimit: 1 });
    await appendAudit(tx, {
      actor: auditActorOf(actor),
      action: "incident.key_rotation_requested",
      target: { type: "job", id: jobId },
      reason: checked.reason,
      outcome: "success",
      context,
    });
    return { ok: true as const, jobId };
  });
}

/**
 * Runs the rotation and audits its totals (the worker's job, and the command
 * directly). Values that fail to decrypt are counted, never rewritten.
 */
export async function runKeyRotation(by: { jobId: string | null; actor: IncidentActor | null; reason?: string }, context: AuditContext): Promise<KeyRotationTotals> {
  const totals = rotationTotals(await rotateEncryptedFields());
  await db.$transaction((tx) =>
    appendAudit(tx, {
      actor: by.actor ? auditActorOf(by.actor) : null,
      action: "incident.keys_rotated",
      target: by.jobId ? { type: "job", id: by.jobId } : { type: "shop", id: "keys" },
      after: totals,
      reason: by.reason,
      outcome: totals.failed > 0 || totals.interrupted ? "failure" : "success",
      context,
    }),
  );
  return totals;
}

/** The command's rotation (incident tool 4 from the shell): the reason checked, then run and audited at once. */
export async function rotateKeysNow(actor: IncidentActor, input: { reason: string }, context: AuditContext): Promise<{ ok: true; totals: KeyRotationTotals } | Refused> {
  const checked = checkIncidentActor(actor, input.reason);
  if (!checked.ok) return checked;
  return { ok: true, totals: await runKeyRotation({ jobId: null, actor, reason: checked.reason }, context) };
}

export type StaffKeyRotationRunDTO = { jobId: string; state: string; requestedAt: Date; finishedAt: Date | null; totals: KeyRotationTotals | null };

/** The latest rotation jobs and, once finished, their totals (security:manage). */
export async function listKeyRotations(viewer: StaffViewer, take = 5): Promise<StaffKeyRotationRunDTO[]> {
  assertPermission(viewer, "security:manage");
  const jobs = await db.$queryRaw<{ id: string; state: string; created_on: Date; completed_on: Date | null }[]>`
    SELECT id::text AS id, state::text AS state, created_on, completed_on FROM pgboss.job
     WHERE name = 'maintenance' AND data->>'type' = ${KEY_ROTATION_JOB.type} ORDER BY created_on DESC LIMIT ${take}`;
  const results = await db.auditEntry.findMany({
    where: { action: "incident.keys_rotated", targetType: "job", targetId: { in: jobs.map((job) => job.id) } },
    select: { targetId: true, after: true },
  });
  const totalsOf = new Map(results.map((result) => [result.targetId, result.after as KeyRotationTotals | null]));
  return jobs.map((job) => ({ jobId: job.id, state: job.state, requestedAt: job.created_on, finishedAt: job.completed_on, totals: totalsOf.get(job.id) ?? null }));
}
