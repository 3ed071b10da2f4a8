/**
 * The SQL of the next migration: what takes a database built by the
 * migrations folder to the schema that schema.prisma describes. The folder is
 * applied to a throw-away shadow database and the engine diffs that live
 * schema against schema.prisma, so the result does not depend on git history
 * (uncommitted migrations, a rebased branch, a shallow clone).
 */
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { applyMigrations, migrationsDir, noFilters } from "./migrations";
import { parsePgUrl, withSchemaEngine } from "./schema-engine";

/** `url` with its database name replaced. */
function onDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: onDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Objects that schema.prisma cannot describe (the trigram index, CHECK
 * constraints) are written by hand in migrations and named with an `sql_`
 * prefix; the engine would propose dropping them, so their steps are left out.
 */
function withoutHandWrittenObjects(script: string): string {
  const steps = script.split(/\n(?=-- )/);
  return steps.filter((step) => !/"sql_/.test(step)).join("\n");
}

/** True when a diff script changes nothing. */
export function isEmptyMigration(sql: string): boolean {
  return !sql.replace(/^--.*$/gm, "").trim();
}

/**
 * The SQL from the migrations in `dir` to `schema` (the text of a schema.prisma),
 * computed on a shadow database created beside the one in `serverUrl` and dropped afterwards.
 */
export async function pendingMigrationSql(serverUrl: string, schema: string, dir = migrationsDir): Promise<string> {
  const shadow = `shadow_${randomBytes(6).toString("hex")}`;
  const shadowUrl = onDatabase(serverUrl, shadow);
  await onServer(serverUrl, `CREATE DATABASE ${pg.escapeIdentifier(shadow)}`);
  try {
    await applyMigrations(shadowUrl, dir);
    const files = [{ path: "schema.prisma", content: schema }];
    const result = await withSchemaEngine(parsePgUrl(shadowUrl), files[0]!, (engine) =>
      engine.diff({
        // The datasource is the engine's own connection: the migrated shadow database.
        from: { tag: "schemaDatasource", files, configDir: dir },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: null,
        filters: noFilters,
      }),
    );
    return withoutHandWrittenObjects(result.stdout ?? "");
  } finally {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(shadow)} WITH (FORCE)`);
  }
}

/**
 * Writes `<dir>/<timestamp>_<name>/migration.sql` with the pending SQL and
 * returns the folder, or returns null (writing nothing) when the migrations
 * already build the schema.
 */
export async function createMigration(options: {
  serverUrl: string;
  schema: string;
  name: string;
  dir?: string;
  now?: Date;
}): Promise<string | null> {
  const dir = options.dir ?? migrationsDir;
  const sql = await pendingMigrationSql(options.serverUrl, options.schema, dir);
  if (isEmptyMigration(sql)) return null;
  const stamp = (options.now ?? new Date()).toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = join(dir, `${stamp}_${options.name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "migration.sql"), sql);
  return folder;
}
