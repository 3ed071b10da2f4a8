import "server-only";
import type { ChildProcess } from "node:child_process";
import { env } from "@/lib/env";
import { auditSettings } from "./local-audit-settings";
import type { DemoConveniences } from "./demo-conveniences";
import { localBlindIndexKey, localKeyRing, localSecret } from "./local-secret";
import { startNextServer } from "./next-server";
import { exitAfter, onShutdown, startProcess, stopChild } from "./processes";
import { runtimeNodeArgs } from "./runtime-entries";
import type { ShopDatabase } from "./shop-database";

/**
 * The shop's processes for `npm run demo` and `npm start`: the web server and
 * the background worker (mail, queued jobs), sharing one configuration. A local
 * installation gets a generated AUTH_SECRET, field-encryption key ring and
 * blind-index key; a deployment configures all of them itself (the server refuses to start
 * without its keys). Demo conveniences (dev mailbox, test gateway) come only from `conveniences`,
 * which `npm run demo` alone passes; otherwise only what the operator set applies.
 */
export async function startShop(options: ShopProcessOptions & { port: number; distDir: string }) {
  const shared = await shopProcessEnv(options);
  const worker = startProcess(process.execPath, runtimeNodeArgs("worker"), { ...shared, NODE_ENV: "production" });
  const server = await startNextServer({ distDir: options.distDir, port: options.port, env: shared });
  stopTogether([server, worker], options.database); // stopped in this order
  return { server, worker };
}

/** What the shop's processes are started with. */
export type ShopProcessOptions = {
  database: ShopDatabase;
  log: (line: string) => void;
  conveniences?: DemoConveniences;
};

/**
 * The environment shared by the web server and the worker, on top of the
 * operator's own. Demo conveniences appear only when the caller passes them.
 */
export async function shopProcessEnv(options: ShopProcessOptions): Promise<Record<string, string | undefined>> {
  const local = options.database.embedded;
  const log = options.log;
  const keys = await fieldEncryptionKeys(local, log);
  return {
    DATABASE_URL: options.database.url,
    SITE_URL: env.SITE_URL,
    AUTH_SECRET: env.AUTH_SECRET ?? (local ? await localSecret(env.DATA_DIR, "auth") : undefined),
    ALTCHA_HMAC_KEY: env.ALTCHA_HMAC_KEY ?? (local ? await localSecret(env.DATA_DIR, "altcha") : undefined),
    FIELD_ENCRYPTION_KEYS: keys.keys,
    FIELD_ENCRYPTION_CURRENT_KEY: keys.current,
    BLIND_INDEX_KEY: await blindIndexKey(local, log),
    ...(await auditSettings(local, log)),
    // The test gateway signs its webhook events with it; with Stripe, it is the endpoint's signing secret.
    STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET ?? (local ? `whsec_${await localSecret(env.DATA_DIR, "webhook")}` : undefined),
    ...options.conveniences,
  };
}

/**
 * The configured key ring, or for a local installation without one, the ring
 * kept in DATA_DIR (generated on first run). Web server and worker get the same
 * keys, so each can read what the other encrypted.
 */
async function fieldEncryptionKeys(local: boolean, log: (line: string) => void) {
  if (env.FIELD_ENCRYPTION_KEYS || !local) {
    return { keys: env.FIELD_ENCRYPTION_KEYS, current: env.FIELD_ENCRYPTION_CURRENT_KEY };
  }
  const ring = await localKeyRing(env.DATA_DIR);
  if (ring.created) log(`Generated a local encryption key in ${ring.file} (keep it: encrypted data cannot be read without it)`);
  return { keys: ring.keys, current: ring.current };
}

/** As fieldEncryptionKeys: the configured BLIND_INDEX_KEY, or the local one kept in DATA_DIR. */
async function blindIndexKey(local: boolean, log: (line: string) => void) {
  if (env.BLIND_INDEX_KEY || !local) return env.BLIND_INDEX_KEY;
  const stored = await localBlindIndexKey(env.DATA_DIR);
  if (stored.created) log(`Generated a local blind-index key in ${stored.file} (keep it: address lookups need it)`);
  return stored.key;
}

/**
 * Ctrl-C stops everything; if either process dies, the other and the database stop too. The
 * order matters: the server (no new requests), then the worker (its running jobs finish), and
 * the database only once neither is connected, so neither logs a lost connection on the way out.
 */
function stopTogether(children: ChildProcess[], database: ShopDatabase) {
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const child of children) await stopChild(child);
      await database.stop();
    })());
  onShutdown(stopAll);
  for (const child of children) {
    child.on("exit", (code) => exitAfter(stopAll, code ?? 0));
  }
}
