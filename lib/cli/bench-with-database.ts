import "server-only";
import { provisionTestDatabase } from "@/lib/dev-db/provision-test-database";
import { applyMigrations } from "@/prisma/tools/migrations";
import { run } from "./processes";

/**
 * Runs a benchmark script against a throw-away, migrated database (on
 * TEST_DATABASE_URL/DATABASE_URL's server, else an embedded PostgreSQL). The
 * script runs as a child process with DATABASE_URL set, so it measures the
 * shop's own DAL with its own connection pool, exactly as the app runs it
 * (`nodeFlags`: V8 flags the measured command runs with, e.g. memory limits).
 */
export async function runBenchWithDatabase(script: string, args: string[], log: (line: string) => void, nodeFlags: readonly string[] = []): Promise<number> {
  const database = await provisionTestDatabase();
  log(`Database: ${database.where}`);
  try {
    await applyMigrations(database.url);
    return await run("tsx", ["--conditions=react-server", ...nodeFlags, script, ...args], { DATABASE_URL: database.url, LOG_LEVEL: "error" });
  } finally {
    await database.release();
  }
}
