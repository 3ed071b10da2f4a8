import "server-only";
import { env } from "@/lib/env";

const localHosts = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The database the test suite runs against (`npm test` creates a fresh one and
 * passes it as DATABASE_URL). Refuses anything but a local server, so a test
 * can never touch a real shop's data.
 */
export function requireTestDatabaseUrl(): string {
  const url = env.DATABASE_URL;
  if (!url) throw new Error("Integration tests need DATABASE_URL: run them through `npm test`.");
  assertLocalDatabase(url);
  return url;
}

export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!localHosts.has(host)) {
    throw new Error(`Refusing to run tests against a non-local database host (${host}).`);
  }
}
