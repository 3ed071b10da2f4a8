import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { runningPostmaster } from "./running-postmaster";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "postmaster-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// PostgreSQL's lock file: pid, data directory, start time, port, socket dir, listen address, ...
const lockFile = (pid: number, port: number, dir: string) => `${pid}\n${dir}\n1700000000\n${port}\n/tmp\n127.0.0.1\n`;

describe("runningPostmaster", () => {
  it("finds the server holding a data directory, with its port", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "postmaster.pid"), lockFile(process.pid, 54390, dir));
    expect(runningPostmaster(dir)).toEqual({ pid: process.pid, port: 54390 });
  });

  it("ignores a stale lock file whose process is gone, and a missing or damaged one", () => {
    const stale = tempDir();
    writeFileSync(join(stale, "postmaster.pid"), lockFile(4_194_000, 54390, stale)); // above Linux's pid_max default
    expect(runningPostmaster(stale)).toBeNull();
    expect(runningPostmaster(tempDir())).toBeNull();
    const damaged = tempDir();
    writeFileSync(join(damaged, "postmaster.pid"), "not a lock file");
    expect(runningPostmaster(damaged)).toBeNull();
  });
});

describe("startEmbeddedPostgres on a data directory a running server holds", () => {
  it("never starts a second server there: it refuses clearly when the running one does not answer", async () => {
    const dataDir = tempDir();
    const databaseDir = join(dataDir, "postgres");
    mkdirSync(databaseDir, { recursive: true });
    writeFileSync(join(databaseDir, "PG_VERSION"), "18\n");
    // A live process "holds" the directory on a port where nothing listens.
    writeFileSync(join(databaseDir, "postmaster.pid"), lockFile(process.pid, 1, databaseDir));
    await expect(startEmbeddedPostgres({ dataDir, port: 54397, database: "shop" })).rejects.toThrow(
      /is running \(pid \d+, port 1\) but does not answer/,
    );
  });
});
