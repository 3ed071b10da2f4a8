import "server-only";
import { seedCatalog } from "@/prisma/seed/seed-catalog";
import { applyMigrations } from "@/prisma/tools/migrations";
import { startEmbeddedPostgres } from "@/lib/dev-db/embedded-postgres";
import { env } from "@/lib/env";

export type ShopDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

/**
 * The database the shop runs on: DATABASE_URL when set, otherwise the embedded
 * PostgreSQL in DATA_DIR (started, migrated and seeded on the way).
 */
export async function prepareShopDatabase(log: (line: string) => void): Promise<ShopDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };

  log(`Starting the embedded PostgreSQL (data in ${env.DATA_DIR}/postgres; one already running there is used) ...`);
  const server = await startEmbeddedPostgres({
    dataDir: env.DATA_DIR,
    port: env.EMBEDDED_POSTGRES_PORT,
    database: "shop",
  });
  const url = server.url("shop");
  const applied = await applyMigrations(url);
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
  const seeded = await seedCatalog(url);
  log(`Catalog ready: ${seeded.categories} categories, ${seeded.products} products.`);
  return { url, embedded: true, stop: server.stop };
}
