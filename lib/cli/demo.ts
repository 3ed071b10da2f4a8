/**
 * `npm run demo`: the whole shop from a fresh clone. Builds if needed, starts
 * the embedded PostgreSQL (unless DATABASE_URL is set), migrates, seeds and
 * serves the production build on http://localhost:PORT with its worker.
 */
import { env } from "@/lib/env";
import { ensureProductionBuild } from "./next-server";
import { prepareShopDatabase } from "./shop-database";
import { startShop } from "./shop-processes";

const started = Date.now();
const log = (line: string) => console.log(`[demo] ${line}`);

await ensureProductionBuild(".next", log);
const database = await prepareShopDatabase(log);
const { devMailbox } = await startShop({ database, port: env.PORT, distDir: ".next", log });
log(`The shop is ready on http://localhost:${env.PORT} (started in ${((Date.now() - started) / 1000).toFixed(1)} s).`);
if (devMailbox) log(`Mail is not sent (no SMTP_URL): read it at http://localhost:${env.PORT}/dev/mailbox`);
log("Press Ctrl-C to stop.");
