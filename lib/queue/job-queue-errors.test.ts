import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const adminShutdown = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
const socketClosed = new Error("Connection terminated unexpectedly");
const otherFailure = Object.assign(new Error('relation "pgboss.job" does not exist'), { code: "42P01" });

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  vi.resetModules(); // the "stopping" state is per process: each test starts with fresh modules
  const { logger } = await import("@/lib/log/logger");
  errors = vi.spyOn(logger, "error").mockImplementation(() => undefined);
  vi.spyOn(logger, "debug").mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe("job queue errors", () => {
  it("log a lost database connection as an error while the worker runs", async () => {
    const { logJobQueueError } = await import("./job-queue-errors");
    logJobQueueError(adminShutdown);
    logJobQueueError(socketClosed);
    expect(errors).toHaveBeenCalledTimes(2);
  });

  it("once stopping, take the database's own shutdown quietly and still log anything else", async () => {
    const { expectDatabaseShutdown, logJobQueueError } = await import("./job-queue-errors");
    expectDatabaseShutdown();
    logJobQueueError(adminShutdown);
    logJobQueueError(socketClosed);
    expect(errors).not.toHaveBeenCalled();
    logJobQueueError(otherFailure);
    expect(errors).toHaveBeenCalledWith({ err: otherFailure }, "job queue error");
  });
});
