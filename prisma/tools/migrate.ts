/**
 * `npm run db:migrate`: applies pending migrations as the owner of the tables
 * (DATABASE_MIGRATION_URL, else DATABASE_URL) and, when DATABASE_URL names
 * another role, grants that application role what it needs.
 */
import { env } from "@/lib/env";
import { migrateShopDatabase } from "./migrate-shop-database";

const ownerUrl = env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL;
if (!ownerUrl) {
  console.error("DATABASE_URL is not set. (`npm run demo` migrates the embedded database itself.)");
  process.exit(1);
}
const { applied, grantedTo } = await migrateShopDatabase({ ownerUrl, appUrl: env.DATABASE_URL });
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
if (grantedTo) console.log(`Granted the application role ${grantedTo} its privileges (the audit log: read and append only).`);
process.exit(0);
