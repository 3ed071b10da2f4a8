import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDatabase } from "@/lib/dev-db/embedded-postgres";
import { applyMigrations, diffScript, schemaPath } from "./migrations";
import { executeScript, schemaFingerprint } from "./schema-fingerprint";
import { requireTestDatabaseUrl, withDatabase } from "@/lib/dev-db/test-database";

// Drift check: the migrations folder must build exactly the schema that
// schema.prisma describes. Database A gets the migrations; database B gets the
// SQL the schema engine derives from schema.prisma alone.
const serverUrl = requireTestDatabaseUrl();
const suffix = randomBytes(4).toString("hex");
const fromMigrations = withDatabase(serverUrl, `drift_migrations_${suffix}`);
const fromSchema = withDatabase(serverUrl, `drift_schema_${suffix}`);
const dropAfter: string[] = [];

async function freshDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await ensureDatabase(withDatabase(serverUrl, "postgres"), name);
  dropAfter.push(name);
}

beforeAll(async () => {
  await freshDatabase(fromMigrations);
  await freshDatabase(fromSchema);
});

afterAll(async () => {
  for (const name of dropAfter) {
    await executeScript(withDatabase(serverUrl, "postgres"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

describe("migrations", () => {
  it("build exactly the schema that schema.prisma describes", async () => {
    const applied = await applyMigrations(fromMigrations);
    expect(applied.length).toBeGreaterThan(0);
    await executeScript(fromSchema, await diffScript(fromSchema, null));

    const [migrated, described] = await Promise.all([schemaFingerprint(fromMigrations), schemaFingerprint(fromSchema)]);
    expect(migrated.length).toBeGreaterThan(10);
    expect(migrated).toEqual(described);
  });

  it("apply nothing the second time", async () => {
    expect(await applyMigrations(fromMigrations)).toEqual([]);
  });

  it("detect a schema change that has no migration", async () => {
    const schema = await readFile(schemaPath, "utf8");
    const changed = schema.replace(
      /(model Product \{\n)/,
      "$1  shelfLifeDays Int? // @class public\n",
    );
    expect(changed).not.toEqual(schema);
    const drifted = withDatabase(serverUrl, `drift_changed_${suffix}`);
    await freshDatabase(drifted);
    await executeScript(drifted, await diffScript(drifted, null, changed));

    const [migrated, described] = await Promise.all([schemaFingerprint(fromMigrations), schemaFingerprint(drifted)]);
    const onlyInSchema = described.filter((line) => !migrated.includes(line));
    expect(onlyInSchema).toEqual([expect.stringContaining("column Product.shelfLifeDays integer null")]);
  });
});
