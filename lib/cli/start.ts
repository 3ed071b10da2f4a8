/**
 * `npm start`: serves the production build on PORT, with the worker. With
 * DATABASE_URL it uses that server (run `npm run db:migrate` first) and needs
 * AUTH_SECRET; without it, the embedded PostgreSQL is started, migrated and seeded.
 */
import { env } from "@/lib/env";
import { prepareShopDatabase } from "./shop-database";
import { startShop } from "./shop-processes";

const log = (line: string) => console.log(`[start] ${line}`);
const database = await prepareShopDatabase(log);
await startShop({ database, port: env.PORT, distDir: ".next", log });
log(`Serving on http://localhost:${env.PORT}`);
