import "server-only";
import type { JobResult, JobWithMetadata, PgBoss } from "pg-boss";
import type { Logger } from "pino";
import { logger } from "@/lib/log/logger";
import { type BossOptions, createWorkerBoss, ensureQueues, type QueueName, queues } from "@/lib/queue/boss";
import { jobHandlers } from "./handlers";
import { type JobHandler, PermanentJobError } from "./job-types";

/** How to run the worker; tests shorten retries and polling and bring their own handlers. */
export type JobWorkerOptions = BossOptions & {
  handlers?: Record<QueueName, JobHandler>;
  pollingIntervalSeconds?: number;
};

/** A running worker. `stop()` waits up to 10 s for active jobs, then closes the pool. */
export type JobWorker = { boss: PgBoss; stop(): Promise<void> };

const STOP_TIMEOUT_MS = 10_000;

function errorSummary(error: unknown): { errorType: string; errorMessage: string } {
  // Type and message only: nodemailer errors can carry the SMTP transcript. (Not
  // `name`: the log redaction treats that key as personal data.)
  return error instanceof Error
    ? { errorType: error.name, errorMessage: error.message }
    : { errorType: "Error", errorMessage: String(error) };
}

/**
 * Queues whose jobs are mail (a message, or what the worker needs to write one
 * with a freshly issued link): once delivered, the row is deleted rather than
 * kept as "completed" for pg-boss's week of retention, so no delivered mail,
 * nor any link an older job may still carry, stays at rest in the queue.
 */
export const DELETED_WHEN_DELIVERED: ReadonlySet<QueueName> = new Set([queues.mail, queues.account]);

/** Deletes a delivered job; a failure is logged only (the mail went out: retrying would send it twice). */
async function deleteDelivered(boss: PgBoss, queue: QueueName, jobId: string, log: Logger): Promise<void> {
  try {
    await boss.deleteJob(queue, jobId);
  } catch (error) {
    log.warn(errorSummary(error), "delivered job not deleted; pg-boss's retention removes it later");
  }
}

async function runJob(boss: PgBoss, queue: QueueName, handler: JobHandler, job: JobWithMetadata<unknown>): Promise<JobResult> {
  const log = logger.child({ queue, jobId: job.id, attempt: job.retryCount + 1 });
  try {
    await handler(job.data, { queue, jobId: job.id, log });
    // Deleted before pg-boss settles it; its completion then finds no row, which it allows.
    if (DELETED_WHEN_DELIVERED.has(queue)) await deleteDelivered(boss, queue, job.id, log);
    return { id: job.id, status: "completed" };
  } catch (error) {
    const summary = errorSummary(error);
    if (error instanceof PermanentJobError) {
      log.error(summary, "job rejected; moved to the dead-letter queue");
      return { id: job.id, status: "deadletter", output: summary };
    }
    const lastAttempt = job.retryCount >= job.retryLimit;
    if (lastAttempt) log.error(summary, "job failed for good; moved to the dead-letter queue");
    else log.warn(summary, "job failed; it will be retried");
    return { id: job.id, status: "failed", output: summary };
  }
}

/**
 * Cron schedules (UTC) of the maintenance queue; pg-boss runs each once across
 * all workers. Each has its own key (a queue holds one schedule per key); the
 * nightly sweep keeps the default key it was first scheduled under.
 */
export const MAINTENANCE_SCHEDULES = [
  { cron: "17 3 * * *", data: { type: "retention.sweep" }, key: undefined },
  // A signed audit checkpoint every minute: at most a minute of entries can be removed unnoticed.
  { cron: "* * * * *", data: { type: "audit.checkpoint" }, key: "audit-checkpoint" },
  // The detection rules every minute: an attack in progress is seen within a minute or so.
  { cron: "* * * * *", data: { type: "security.detect" }, key: "security-detect" },
] as const;

/** Starts pg-boss in full (migrations, supervision, schedules), creates the queues and works every queue. */
export async function startJobWorker(options: JobWorkerOptions = {}): Promise<JobWorker> {
  const handlers = options.handlers ?? jobHandlers;
  const boss = createWorkerBoss(options);
  await boss.start();
  try {
    await ensureQueues(boss, options.retry);
    for (const schedule of MAINTENANCE_SCHEDULES) {
      await boss.schedule(queues.maintenance, schedule.cron, schedule.data, { tz: "UTC", ...(schedule.key ? { key: schedule.key } : {}) });
    }
    for (const queue of Object.values(queues)) {
      const handler = handlers[queue];
      await boss.work(
        queue,
        { batchSize: 1, includeMetadata: true, perJobResults: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        (jobs: JobWithMetadata<unknown>[]) => Promise.all(jobs.map((job) => runJob(boss, queue, handler, job))),
      );
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  return { boss, stop: () => boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS }) };
}
