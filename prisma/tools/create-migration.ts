/**
 * `npm run db:migration:create -- <name>`: writes a new migration folder with
 * the SQL that takes a database built by the migrations folder to the current
 * schema.prisma (computed on a throw-away shadow database on the DATABASE_URL
 * server). Review the SQL before committing; the drift test proves the result.
 */
import { env } from "@/lib/env";
import { readSchema } from "./migrations";
import { createMigration } from "./pending-migration";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:create -- <snake_case_name>");
  process.exit(1);
}
if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: the schema engine needs a PostgreSQL server for its shadow database.");
  process.exit(1);
}

const folder = await createMigration({ serverUrl: env.DATABASE_URL, schema: (await readSchema()).content, name });
console.log(folder ? `Wrote ${folder}/migration.sql` : "No schema changes: the migrations already build schema.prisma.");
