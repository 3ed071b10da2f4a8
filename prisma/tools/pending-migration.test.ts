import { cp, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { migrationsDir, schemaPath } from "./migrations";
import { createMigration } from "./pending-migration";

// `npm run db:migration:create` diffs the migrations folder (applied to a
// shadow database) against schema.prisma; git plays no part. Each test works
// on a copy of the folder, so nothing is written into the project.
const serverUrl = requireTestDatabaseUrl();
let workDir: string;
let schema: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "create-migration-"));
  schema = await readFile(schemaPath, "utf8");
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function copyOfMigrations(name: string): Promise<string> {
  const dir = join(workDir, name);
  await cp(migrationsDir, dir, { recursive: true });
  return dir;
}

describe("create-migration", () => {
  it("writes nothing when the migrations already build schema.prisma", { timeout: 120_000 }, async () => {
    const dir = await copyOfMigrations("up-to-date");
    const before = await readdir(dir);
    expect(await createMigration({ serverUrl, schema, name: "nothing", dir })).toBeNull();
    expect(await readdir(dir)).toEqual(before);
  });

  it("writes the SQL for a schema change that has no migration yet", { timeout: 120_000 }, async () => {
    const dir = await copyOfMigrations("changed");
    const changed = schema.replace(/(model Product \{\n)/, "$1  careNotes String? /// @class public\n");
    expect(changed).not.toEqual(schema);
    const now = new Date("2099-01-02T03:04:05Z");

    const folder = await createMigration({ serverUrl, schema: changed, name: "product_care_notes", dir, now });

    expect(folder).toBe(join(dir, "20990102030405_product_care_notes"));
    const sql = await readFile(join(folder!, "migration.sql"), "utf8");
    expect(sql).toMatch(/ALTER TABLE "Product" ADD COLUMN\s+"careNotes" TEXT;/);
    // Only the change: hand-written `sql_` objects (search indexes, checks) are not dropped.
    expect(sql.replace(/^--.*$/gm, "").trim().split(";").filter((s) => s.trim())).toHaveLength(1);
  });
});
