/**
 * `npm run db:migration:create -- <name>`: writes a new migration folder with
 * the SQL that takes the schema as last committed (git HEAD) to the working
 * copy. Review the SQL before committing; the drift test proves the result.
 */
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { env } from "@/lib/env";
import { diffScript, migrationsDir } from "./migrations";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:create -- <snake_case_name>");
  process.exit(1);
}
if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: the schema engine needs a reachable PostgreSQL server.");
  process.exit(1);
}

function committedSchema(): string | null {
  try {
    return execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8", stdio: "pipe" });
  } catch {
    return null;
  }
}

const sql = await diffScript(env.DATABASE_URL, committedSchema());
if (!sql.trim() || /^-- This is an empty migration/.test(sql)) {
  console.log("No schema changes since the last commit.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = join(migrationsDir, `${stamp}_${name}`);
await mkdir(folder, { recursive: true });
await writeFile(join(folder, "migration.sql"), sql);
console.log(`Wrote ${folder}/migration.sql`);
