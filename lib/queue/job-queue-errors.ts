import "server-only";
import { logger } from "@/lib/log/logger";

let shuttingDown = false;

/**
 * The process has begun to stop. On a local installation the embedded
 * PostgreSQL stops too, and on Ctrl-C the terminal signals it at the same
 * moment as the worker, so its connections may close before pg-boss's do.
 */
export function expectDatabaseShutdown(): void {
  shuttingDown = true;
}

/** What a connection reports when the server shuts down under it: 57P01 (admin_shutdown) or a closed socket. */
export function isDatabaseShutdownError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "57P01" || (typeof message === "string" && /^Connection terminated/.test(message));
}

/**
 * pg-boss's "error" handler. A lost connection is an error while the process
 * runs; only once it is stopping is the database's own shutdown expected, and
 * then it is a debug line rather than an error log on every Ctrl-C.
 */
export function logJobQueueError(error: unknown): void {
  if (shuttingDown && isDatabaseShutdownError(error)) {
    logger.debug({ code: (error as { code?: unknown }).code }, "job queue connection closed by the database's shutdown");
    return;
  }
  logger.error({ err: error }, "job queue error");
}
