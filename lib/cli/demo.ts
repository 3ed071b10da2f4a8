/**
 * `npm run demo`: the whole shop from a fresh clone. Builds if needed, starts
 * the embedded PostgreSQL (unless DATABASE_URL is set), migrates, seeds and
 * serves the production build on http://localhost:PORT.
 */
import { env } from "@/lib/env";
import { onShutdown } from "./processes";
import { ensureProductionBuild, startNextServer } from "./next-server";
import { prepareShopDatabase } from "./shop-database";

const started = Date.now();
const log = (line: string) => console.log(`[demo] ${line}`);

await ensureProductionBuild(".next", log);
const database = await prepareShopDatabase(log);
const server = await startNextServer({ distDir: ".next", port: env.PORT, databaseUrl: database.url });
log(`The shop is ready on http://localhost:${env.PORT} (started in ${((Date.now() - started) / 1000).toFixed(1)} s).`);
log("Press Ctrl-C to stop.");

onShutdown(async () => {
  server.kill("SIGTERM");
  await database.stop();
});
server.on("exit", (code) => {
  void database.stop().finally(() => process.exit(code ?? 0));
});
