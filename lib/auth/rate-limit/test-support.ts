import "server-only";
import { randomBytes } from "node:crypto";
import type { Pool } from "pg";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { createPostgresStore, type PostgresLimiterStore } from "./store";

/** A key prefix no other test run shares, so runs can clean up after themselves. */
export function testPrefix(name: string): string {
  return `test-${name}-${randomBytes(6).toString("hex")}`;
}

/** A random documentation-range address (RFC 5737), distinct per call with high probability. */
export function randomIp(): string {
  const bytes = randomBytes(2);
  return `198.51.${bytes[0] ?? 0}.${bytes[1] ?? 0}`;
}

/** A random email in mixed case, to exercise normalization. */
export function randomEmail(): string {
  return `  Shopper.${randomBytes(6).toString("hex")}@Example.TEST `;
}

/** A PostgreSQL store on the local test database (refuses any other host). */
export function testPostgresStore(): { store: PostgresLimiterStore; pool: Pool } {
  const store = createPostgresStore(requireTestDatabaseUrl(), 4);
  return { store, pool: store.pool };
}

/** Removes every counter under `prefix` (LIKE wildcards in the prefix are escaped). */
export async function deleteKeys(pool: Pool, prefix: string): Promise<void> {
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  await pool.query("DELETE FROM rate_limits WHERE key LIKE $1", [pattern]);
}
