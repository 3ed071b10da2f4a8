/**
 * `npm run demo`: the whole shop from a fresh clone. Builds if needed, starts
 * the embedded PostgreSQL (unless DATABASE_URL is set), migrates, seeds and
 * serves the production build on http://localhost:PORT with its worker. Only
 * here are the dev mailbox and the offline test gateway turned on implicitly.
 */
import { env } from "@/lib/env";
import { demoConveniences } from "./demo-conveniences";
import { recordLocalSiteUrl } from "./local-site-url";
import { ensureProductionBuild } from "./next-server";
import { prepareShopDatabase } from "./shop-database";
import { startShop } from "./shop-processes";

const started = Date.now();
const log = (line: string) => console.log(`[demo] ${line}`);

await ensureProductionBuild(".next", log);
const database = await prepareShopDatabase(log);
const conveniences = demoConveniences(env);
await startShop({ database, port: env.PORT, distDir: ".next", log, conveniences });
if (database.embedded) await recordLocalSiteUrl(env.DATA_DIR, env.SITE_URL);
log(`The shop is ready on http://localhost:${env.PORT} (started in ${((Date.now() - started) / 1000).toFixed(1)} s).`);
if (conveniences.DEV_MAILBOX) log(`Mail is not sent (no SMTP_URL): read it at http://localhost:${env.PORT}/dev/mailbox`);
if (conveniences.PAYMENTS_TEST_GATEWAY) log("Payments go to the offline test gateway (no STRIPE_SECRET_KEY): no real money moves.");
log("Press Ctrl-C to stop.");
