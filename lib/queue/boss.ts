import "server-only";
import { PgBoss, type ConstructorOptions } from "pg-boss";
import { env } from "@/lib/env";
import { logJobQueueError } from "./job-queue-errors";

/**
 * pg-boss keeps its tables in its own schema: the migration drift check
 * compares only `public`, and pg-boss migrates its own schema itself.
 */
export const JOB_SCHEMA = "pgboss";

/** The job queues. Each has a dead-letter queue (`<name>-dead-letter`) for jobs that ran out of retries. */
export const queues = {
  mail: "mail",
  account: "account",
  /** Order housekeeping: releasing the stock of unpaid orders when their reservation ends. */
  orders: "orders",
  /** The offline test gateway's webhook deliveries (Stripe-format events, signed at send time). */
  paymentEvents: "payment-events",
  /** Scheduled housekeeping: retention sweeps. */
  maintenance: "maintenance",
} as const;

export type QueueName = (typeof queues)[keyof typeof queues];

/** How a failed job is retried (pg-boss queue options; seconds). */
export type RetrySettings = { retryLimit: number; retryDelay: number; retryBackoff: boolean };

/** About four hours of retries in all: an SMTP outage of that length loses no mail. */
export const defaultRetrySettings: RetrySettings = { retryLimit: 8, retryDelay: 30, retryBackoff: true };

/** Where pg-boss connects and how queues retry; tests use their own schema and short delays. */
export type BossOptions = {
  connectionString?: string;
  schema?: string;
  retry?: Partial<RetrySettings>;
};

/** The dead-letter queue of `queue`: failed jobs land there, to be inspected and redriven. */
export function deadLetterQueue(queue: QueueName): string {
  return `${queue}-dead-letter`;
}

function connection(options: BossOptions, applicationName: string): ConstructorOptions {
  const connectionString = options.connectionString ?? env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the job queue lives in the shop's database.");
  return { connectionString, schema: options.schema ?? JOB_SCHEMA, application_name: applicationName };
}

/**
 * A pg-boss for a web process: it only sends jobs. No supervision (maintenance),
 * no cron scheduling, no schema migration (installJobQueues does that once), and
 * nobody calls `work()` on it; the worker process does all of that.
 */
export function createSendOnlyBoss(options: BossOptions = {}): PgBoss {
  const boss = new PgBoss({
    ...connection(options, "storefront-web-jobs"),
    max: 3,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  boss.on("error", logJobQueueError);
  return boss;
}

/** A pg-boss for the worker process: installs and migrates its schema, supervises and schedules. */
export function createWorkerBoss(options: BossOptions = {}): PgBoss {
  const boss = new PgBoss({ ...connection(options, "storefront-worker"), supervise: true, schedule: true, migrate: true });
  boss.on("error", logJobQueueError);
  return boss;
}

/**
 * Creates every queue and its dead-letter queue (idempotent: pg-boss inserts
 * with ON CONFLICT DO NOTHING under an advisory lock), then applies the retry
 * settings so a changed setting reaches queues that already exist.
 */
export async function ensureQueues(boss: PgBoss, retry: Partial<RetrySettings> = {}): Promise<void> {
  const settings = { ...defaultRetrySettings, ...retry };
  for (const queue of Object.values(queues)) {
    const deadLetter = deadLetterQueue(queue);
    // Dead letters are kept for 30 days (pg-boss's default is 14) so an operator back from leave can still redrive them.
    await boss.createQueue(deadLetter, { retentionSeconds: 30 * 24 * 3600 });
    await boss.createQueue(queue, { ...settings, deadLetter });
    await boss.updateQueue(queue, { ...settings, deadLetter });
  }
}

/** Installs (or migrates) pg-boss's schema and creates the queues, with a short-lived instance. */
export async function installJobQueues(options: BossOptions = {}): Promise<void> {
  const boss = new PgBoss({ ...connection(options, "storefront-job-install"), supervise: false, schedule: false, migrate: true });
  boss.on("error", logJobQueueError);
  try {
    await boss.start();
    await ensureQueues(boss, options.retry);
  } finally {
    await boss.stop({ graceful: false });
  }
}
