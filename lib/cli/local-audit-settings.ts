import "server-only";
import { join } from "node:path";
import { generateAuditChainKeyValue, parseAuditChainKey } from "@/lib/audit/chain-key";
import { env } from "@/lib/env";
import { localStoredKey } from "./local-secret";

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
  const stored = await localStoredKey(dataDir, "audit-chain-key.json", { generate: generateAuditChainKeyValue, validate: parseAuditChainKey });
  if (stored.created) log(`Generated a local audit chain key in ${stored.file} (keep it: the audit log cannot be verified without it)`);
  return stored.key;
}
