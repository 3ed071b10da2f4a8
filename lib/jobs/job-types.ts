import "server-only";
import type { Logger } from "pino";
import type { QueueName } from "@/lib/queue/boss";

/** What a handler knows about the job it runs (its logger is bound to the queue and job id). */
export type JobContext = { queue: QueueName; jobId: string; log: Logger };

/** Runs one job. Throwing fails the attempt: pg-boss retries it with backoff, then dead-letters it. */
export type JobHandler = (data: unknown, context?: JobContext) => Promise<void>;

/**
 * A failure that retrying cannot fix (malformed job data): the job goes straight
 * to its dead-letter queue instead of being retried for hours.
 */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}
