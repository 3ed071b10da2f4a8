/**
 * `npm start`: serves the production build on PORT. With DATABASE_URL it uses
 * that server (run `npm run db:migrate` first); without it, the embedded
 * PostgreSQL is started, migrated and seeded.
 */
import { env } from "@/lib/env";
import { onShutdown } from "./processes";
import { startNextServer } from "./next-server";
import { prepareShopDatabase } from "./shop-database";

const log = (line: string) => console.log(`[start] ${line}`);
const database = await prepareShopDatabase(log);
const server = await startNextServer({ distDir: ".next", port: env.PORT, databaseUrl: database.url });
log(`Serving on http://localhost:${env.PORT}`);

onShutdown(async () => {
  server.kill("SIGTERM");
  await database.stop();
});
server.on("exit", (code) => {
  void database.stop().finally(() => process.exit(code ?? 0));
});
