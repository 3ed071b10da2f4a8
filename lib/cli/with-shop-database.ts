import "server-only";
import { env, isSetByOperator } from "@/lib/env";
import { auditSettings } from "./local-audit-settings";
import { commandSiteUrl, recordedLocalSiteUrl } from "./local-site-url";
import { run } from "./processes";
import { type RuntimeEntry, runtimeNodeArgs } from "./runtime-entries";
import { prepareShopDatabase } from "./shop-database";

/**
 * Runs a built command-line script (dist/, lib/cli/runtime-entries.ts) against the shop's database: DATABASE_URL when
 * set, else the embedded PostgreSQL in DATA_DIR (started if needed), so the
 * admin commands work on the demo too. Standard input and output pass through.
 */
export async function runWithShopDatabase(entry: RuntimeEntry, args: string[]): Promise<number> {
  const database = await prepareShopDatabase((line) => console.error(line));
  try {
    // The demo's audit chain key and checkpoint file, so audit:verify and audit:checkpoint work on it too.
    const audit = await auditSettings(database.embedded, (line) => console.error(line));
    // The local shop's own origin for the links a command prints (staff:create's sign-in URL).
    const siteUrl = commandSiteUrl({
      embedded: database.embedded,
      operatorSetSiteUrl: isSetByOperator("SITE_URL") || isSetByOperator("PORT"),
      recorded: await recordedLocalSiteUrl(env.DATA_DIR),
    });
    return await run(process.execPath, runtimeNodeArgs(entry, args), { DATABASE_URL: database.url, ...audit, ...(siteUrl ? { SITE_URL: siteUrl } : {}) });
  } finally {
    await database.stop();
  }
}
