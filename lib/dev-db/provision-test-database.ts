import "server-only";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { env } from "@/lib/env";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres";
import { assertLocalDatabase, withDatabase } from "./test-database";
import pg from "pg";

export type TestDatabase = { url: string; where: string; release: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database for one test run: on the local server named by
 * TEST_DATABASE_URL or DATABASE_URL when set (created, then dropped), otherwise
 * on a throw-away embedded PostgreSQL.
 */
export async function provisionTestDatabase(): Promise<TestDatabase> {
  const name = `shop_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const serverUrl = env.TEST_DATABASE_URL ?? env.DATABASE_URL;
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    await ensureDatabase(withDatabase(serverUrl, "postgres"), name);
    return {
      url: withDatabase(serverUrl, name),
      where: `database ${name} on ${new URL(serverUrl).host}`,
      release: () => dropDatabase(serverUrl, name),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), "shop-test-pg-"));
  // As root the server runs as the `postgres` user, which must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: name, persistent: false });
  return {
    url: server.url(name),
    where: "a throw-away embedded PostgreSQL",
    release: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
