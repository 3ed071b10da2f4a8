/** `npm run db:migrate`: applies pending migrations to the database named by DATABASE_URL. */
import { env } from "@/lib/env";
import { applyMigrations } from "./migrations";

if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set. (`npm run demo` migrates the embedded database itself.)");
  process.exit(1);
}
const applied = await applyMigrations(env.DATABASE_URL);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
