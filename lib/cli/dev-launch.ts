/**
 * `npm run dev` (started by lib/cli/dev.ts once the .env files are read): next dev on the demo's database and keys. With DATABASE_URL
 * unset it starts (migrating and seeding) the embedded PostgreSQL in DATA_DIR
 * and hands next dev the local keys kept there, as `npm run demo` does, so
 * everything (two-factor sign-in included) works from a fresh clone. With
 * DATABASE_URL set it runs next dev as configured. Ctrl-C stops next dev, then
 * the embedded database. Arguments after `--` go to next dev.
 */
import { env } from "@/lib/env";
import { nextDevEnvironment, usesLocalDatabase } from "./dev-environment";
import { recordLocalSiteUrl } from "./local-site-url";
import { exitAfter, onShutdown, startProcess, stopChild } from "./processes";
import { prepareShopDatabase } from "./shop-database";
import { shopProcessEnv } from "./shop-processes";

const log = (line: string) => console.log(`[dev] ${line}`);

const database = usesLocalDatabase(env) ? await prepareShopDatabase(log) : null;
const local = database ? await shopProcessEnv({ database, log }) : null;
const added = nextDevEnvironment(env, local);
if (database) {
  log(`Using the embedded PostgreSQL and the local keys in ${env.DATA_DIR}.`);
  await recordLocalSiteUrl(env.DATA_DIR, env.SITE_URL);
}

const next = startProcess("next", ["dev", ...process.argv.slice(2)], added);
let stopping: Promise<void> | undefined;
/** Once only: next dev first, then the embedded database it was using. */
const stopAll = () => (stopping ??= stopChild(next).then(() => database?.stop()));
onShutdown(stopAll);
// next dev ended by itself (an error, a port in use): the database stops with it.
next.on("exit", (code) => exitAfter(stopAll, code ?? 0));
