import "server-only";
import { type ChildProcess, spawn } from "node:child_process";
import { childProcessEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";

/** Runs a command with inherited output; resolves with its exit code (never rejects on failure). */
export function run(command: string, args: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: childProcessEnv(env) });
    child.on("error", () => resolve(127));
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Starts a long-running command; the caller stops it. */
export function startProcess(command: string, args: string[], env: Record<string, string | undefined>): ChildProcess {
  return spawn(command, args, { stdio: "inherit", env: childProcessEnv(env) });
}

/**
 * Asks a child to stop (SIGTERM) and resolves once it has exited, so what it
 * depends on (the database) is stopped only after it. A child that has not
 * exited after `graceMs` is killed.
 */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Polls `url` until it answers (any HTTP status) or `timeoutMs` passes. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Stops child processes and runs cleanups on Ctrl-C or termination, then exits. */
export function onShutdown(cleanup: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      exitAfter(cleanup, 0);
    });
  }
}

/** Runs `cleanup`, logs it if it fails, then exits with `code` either way. */
export function exitAfter(cleanup: () => Promise<void>, code: number): void {
  // Called from listeners (signals, a child's exit), which cannot be awaited: cleanup runs on its
  // own and the process exits once it settles; a failed cleanup is logged rather than lost.
  void cleanup()
    .catch((error: unknown) => logger.error({ err: error }, "cleanup before exit failed"))
    .finally(() => process.exit(code));
}
