/** `npm run db:seed`: seeds the demo catalog into the database named by DATABASE_URL. */
import { env } from "@/lib/env";
import { seedCatalog } from "./seed-catalog";

if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set. (`npm run demo` seeds the embedded database itself.)");
  process.exit(1);
}
const counts = await seedCatalog(env.DATABASE_URL);
console.log(`Catalog seeded: ${counts.categories} categories, ${counts.products} products.`);
