/**
 * `npm run worker`: the background-job process. Starts pg-boss in full,
 * creates the queues, works them, and answers GET / on WORKER_HEALTH_PORT.
 * SIGTERM/SIGINT stop it gracefully: active jobs get up to 10 s to finish; an
 * unfinished job is retried later, never lost.
 */
import "server-only";
import { assertAuditChainKeyConfigured } from "@/lib/audit/chain-key";
import { assertBlindIndexKeyConfigured } from "@/lib/crypto/blind-index";
import { assertKeyRingConfigured } from "@/lib/crypto/key-ring";
import { env } from "@/lib/env";
import { queues } from "@/lib/queue/boss";
import { expectDatabaseShutdown } from "@/lib/queue/job-queue-errors";
import { startHealthServer } from "@/lib/jobs/health-server";
import { startJobWorker } from "@/lib/jobs/worker-runtime";
import { logger } from "@/lib/log/logger";
import { mailSender } from "@/lib/mail/transport";
import { onShutdown } from "./processes";

try {
  // Fails at start-up, not at the first job, on a production config that has no way to deliver mail.
  mailSender();
  assertKeyRingConfigured(); // the worker decrypts fields too
  assertBlindIndexKeyConfigured();
  assertAuditChainKeyConfigured(); // the worker signs the audit checkpoints
  const worker = await startJobWorker();
  const health = env.WORKER_HEALTH_PORT ? await startHealthServer(env.WORKER_HEALTH_PORT) : undefined;
  logger.info({ queues: Object.values(queues), healthPort: env.WORKER_HEALTH_PORT }, "worker started");
  onShutdown(async () => {
    expectDatabaseShutdown(); // the embedded database may stop alongside (Ctrl-C reaches it too)
    logger.info("worker stopping");
    health?.close();
    await worker.stop();
    mailSender().close();
  });
} catch (error) {
  logger.fatal({ err: error }, "worker failed to start");
  process.exit(1);
}
