/**
 * Reads and applies the standard Prisma migrations folder with the wasm
 * schema engine. Applied migrations are recorded in `_prisma_migrations`
 * exactly as `prisma migrate deploy` records them, so both tools interoperate.
 */
import { readFile, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { parsePgUrl, withSchemaEngine } from "./schema-engine";

// From the project root every command runs from, not this file's folder: the bundled db:migrate (dist/) has another.
export const prismaDir = resolve(process.cwd(), "prisma");
export const schemaPath = join(prismaDir, "schema.prisma");
export const migrationsDir = join(prismaDir, "migrations");

export const noFilters = { externalTables: [], externalEnums: [] };

export async function readSchema(): Promise<{ path: string; content: string }> {
  return { path: "schema.prisma", content: await readFile(schemaPath, "utf8") };
}

/** The migrations folder in the shape the schema engine expects. */
export async function readMigrationList(dir = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const lockPath = join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: lockPath, content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(join(dir, folder, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** Applies every pending migration of `dir` to the database at `url`; returns their names. */
export async function applyMigrations(url: string, dir = migrationsDir): Promise<string[]> {
  const migrationsList = await readMigrationList(dir);
  const result = await withSchemaEngine(parsePgUrl(url), await readSchema(), (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  return result.appliedMigrationNames;
}

/**
 * The SQL that takes a database from `from` (a schema text, or empty) to `to`
 * (default: the current schema.prisma). A diff between two datamodels reads no
 * tables, but the engine insists on a live connection.
 */
export async function diffScript(url: string, from: string | null, to?: string): Promise<string> {
  const schema = to === undefined ? await readSchema() : { path: "schema.prisma", content: to };
  const result = await withSchemaEngine(parsePgUrl(url), schema, (engine) =>
    engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: schema.path, content: from }] },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: noFilters,
    }),
  );
  return result.stdout ?? "";
}
