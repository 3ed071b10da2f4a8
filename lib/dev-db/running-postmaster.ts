import "server-only";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A PostgreSQL server that holds a data directory: its process id and the port it listens on. */
export type RunningPostmaster = { pid: number; port: number };

/**
 * The server running on `databaseDir`, from the lock file PostgreSQL keeps
 * there while it runs (postmaster.pid: pid on line 1, port on line 4), or null
 * when none is. A stale file (left by a crash) names a process that is gone.
 * Two servers must never share a data directory: a command that finds one
 * running connects to it on its port instead of starting another.
 */
export function runningPostmaster(databaseDir: string): RunningPostmaster | null {
  const file = join(databaseDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return isAlive(pid) ? { pid, port } : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `postgres` user, when run as root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
