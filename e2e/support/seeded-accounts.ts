import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import config from "../../playwright.config";

export type StaffRole = "owner" | "admin" | "catalog_manager" | "fulfilment" | "support" | "auditor";
export type AccountRole = StaffRole | "customer";

/** A verified account made by e2e/support/create-accounts.ts; staff carry their TOTP secret. */
export type SeededAccount = { email: string; name: string; password: string; role: AccountRole; secret: string | null };

const run = promisify(execFile);

/** The app server's environment (key ring, pepper, …), so accounts are written as the app writes them. */
export function appServerEnv(): Record<string, string> {
  const servers = config.webServer;
  const app = Array.isArray(servers) ? servers[0] : servers;
  if (!app?.env) throw new Error("playwright.config.ts: the first webServer must be the app server, with its env");
  return app.env;
}

/**
 * Creates verified accounts, one per role given, through the app's own
 * hashing and encryption (one process for all of them: its start-up is the
 * slow part). Every account is new: tests that change an account never share it.
 */
export async function createAccounts(roles: AccountRole[]): Promise<SeededAccount[]> {
  const { stdout } = await run(
    join("node_modules", ".bin", "tsx"),
    ["--conditions=react-server", join("e2e", "support", "create-accounts.ts"), JSON.stringify(roles.map((role) => ({ role })))],
    { env: { ...process.env, ...appServerEnv(), DATABASE_URL: process.env.DATABASE_URL ?? "" }, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as SeededAccount[];
}
