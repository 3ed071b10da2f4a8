import "server-only";
import type { PgBoss } from "pg-boss";
import { createSendOnlyBoss, installJobQueues } from "./boss";

// One sender per process, kept across hot reloads in development.
const globalForJobs = globalThis as unknown as { jobSender?: Promise<PgBoss> };

async function startSender(): Promise<PgBoss> {
  // The send-only instance never migrates, and pg-boss cannot send to a queue
  // it has not seen; so the schema and queues are made sure of first.
  await installJobQueues();
  const boss = createSendOnlyBoss();
  await boss.start();
  return boss;
}

/**
 * The web process's send-only pg-boss, started on first use. Call it at
 * start-up to warm it: the first call installs the queues, which should not
 * happen inside a short interactive transaction.
 */
export function jobSender(): Promise<PgBoss> {
  globalForJobs.jobSender ??= startSender().catch((error: unknown) => {
    // A failed start (database down) must not be cached for the life of the process.
    globalForJobs.jobSender = undefined;
    throw error;
  });
  return globalForJobs.jobSender;
}

/** Stops the sender (tests and shutdown); the next `jobSender()` starts a new one. */
export async function stopJobSender(): Promise<void> {
  const sender = globalForJobs.jobSender;
  globalForJobs.jobSender = undefined;
  if (sender) await (await sender).stop({ graceful: false });
}
