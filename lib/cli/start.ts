/**
 * `npm start`: serves the production build on PORT, with the worker. With
 * DATABASE_URL it uses that server (run `npm run db:migrate` first) and needs
 * AUTH_SECRET; without it, the embedded PostgreSQL is started, migrated and seeded.
 * It never turns on the dev mailbox or the offline test gateway by itself
 * (that is `npm run demo`): DEV_MAILBOX and PAYMENTS_TEST_GATEWAY must be set.
 */
import { env } from "@/lib/env";
import { gatewayModeFor } from "@/lib/payments/config";
import { prepareShopDatabase } from "./shop-database";
import { startShop } from "./shop-processes";

const log = (line: string) => console.log(`[start] ${line}`);
const database = await prepareShopDatabase(log);
await startShop({ database, port: env.PORT, distDir: ".next", log });
log(`Serving on http://localhost:${env.PORT}`);
if (gatewayModeFor({ ...env, NODE_ENV: "production" }) === "none") {
  log("No STRIPE_SECRET_KEY: checkout takes no payments (set it, or PAYMENTS_TEST_GATEWAY=true for test payments).");
}
