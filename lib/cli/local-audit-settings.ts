import "server-only";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateAuditChainKeyValue, parseAuditChainKey } from "@/lib/audit/chain-key";
import { env } from "@/lib/env";

/** AUDIT_CHAIN_KEY and AUDIT_CHECKPOINT_FILE for a child process. */
export type AuditSettings = { AUDIT_CHAIN_KEY: string | undefined; AUDIT_CHECKPOINT_FILE: string | undefined };

/**
 * The audit settings for the shop's processes: the configured ones, or for a
 * local installation (the embedded demo) a chain key generated once in
 * DATA_DIR and a checkpoint file beside it. Like the blind-index key, the chain
 * key is never regenerated over an existing file: a new key would make the
 * whole log read as rewritten.
 */
export async function auditSettings(local: boolean, log: (line: string) => void): Promise<AuditSettings> {
  if (!local) return { AUDIT_CHAIN_KEY: env.AUDIT_CHAIN_KEY, AUDIT_CHECKPOINT_FILE: env.AUDIT_CHECKPOINT_FILE };
  return {
    AUDIT_CHAIN_KEY: env.AUDIT_CHAIN_KEY ?? (await localAuditChainKey(env.DATA_DIR, log)),
    AUDIT_CHECKPOINT_FILE: env.AUDIT_CHECKPOINT_FILE ?? join(env.DATA_DIR, "audit-checkpoints.jsonl"),
  };
}

async function localAuditChainKey(dataDir: string, log: (line: string) => void): Promise<string> {
  const file = join(dataDir, "audit-chain-key.json");
  if (existsSync(file)) {
    const key = parseStoredKey(await readFile(file, "utf8"));
    if (!key) throw new Error(`${file} is damaged: restore it from a backup.`);
    parseAuditChainKey(key); // throws (without key material) on a damaged key
    return key;
  }
  await mkdir(dataDir, { recursive: true });
  const key = generateAuditChainKeyValue();
  // "wx": never overwrite a key another process has just written.
  await writeFile(file, `${JSON.stringify({ key })}\n`, { mode: 0o600, flag: "wx" });
  log(`Generated a local audit chain key in ${file} (keep it: the audit log cannot be verified without it)`);
  return key;
}

/** JSON.parse's own errors would quote key material, so they are not passed on. */
function parseStoredKey(text: string): string | undefined {
  try {
    const stored = JSON.parse(text) as Partial<Record<"key", unknown>>;
    return typeof stored.key === "string" ? stored.key : undefined;
  } catch {
    return undefined;
  }
}
