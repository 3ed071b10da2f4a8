import "server-only";
import { auditSettings } from "./local-audit-settings";
import { run } from "./processes";
import { prepareShopDatabase } from "./shop-database";

/**
 * Runs a catalog command's script against the shop's database (DATABASE_URL,
 * else the embedded demo database, started if needed) with the shop's audit
 * settings, as a child process: the environment is read once, at start.
 */
export async function runCatalogCommand(script: string, args: string[]): Promise<number> {
  const database = await prepareShopDatabase((line) => console.error(line));
  try {
    const audit = await auditSettings(database.embedded, (line) => console.error(line));
    return await run("tsx", ["--conditions=react-server", script, ...args], { DATABASE_URL: database.url, ...audit });
  } finally {
    await database.stop();
  }
}
