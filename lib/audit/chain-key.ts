import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

/**
 * The audit chain's key (ARCHITECTURE.md "Staff and insider threats"): each
 * entry's hash is an HMAC under a key kept outside the database, so whoever can
 * rewrite rows (a superuser, a stolen backup restored and edited) cannot
 * recompute the chain. The checkpoints are signed with a key derived from it,
 * so one secret is configured and the two uses stay separate.
 */

const KEY_BYTES = 32;
// Standard base64 (`openssl rand -base64 32`) or base64url, padding optional; as blind-index.ts.
const BASE64 = /^(?:[A-Za-z0-9+/]+|[A-Za-z0-9_-]+)={0,2}$/;

/**
 * Outside production without a key, a fixed and public development key: every
 * process (app, worker, `npm run audit:verify`) then computes the same chain,
 * which a random per-process key would not. It protects nothing, and says so.
 */
const DEVELOPMENT_KEY = createHash("sha256").update("storefront audit chain: public development key, protects nothing").digest();

/** Decodes AUDIT_CHAIN_KEY; the error never echoes the value (it may reach a log). */
export function parseAuditChainKey(encoded: string): Buffer {
  const trimmed = encoded.trim();
  const key = BASE64.test(trimmed) ? Buffer.from(trimmed, /[-_]/.test(trimmed) ? "base64url" : "base64") : undefined;
  if (!key || key.length !== KEY_BYTES) {
    throw new Error(`AUDIT_CHAIN_KEY must be ${KEY_BYTES} random bytes in base64 (openssl rand -base64 32)`);
  }
  return key;
}

/** The configuration auditChainKey() reads; separate from `env` so the policy can be tested. */
export type AuditChainKeyConfig = { key?: string; nodeEnv: "development" | "production" | "test" };

/** The key from configuration; production refuses to run without one. */
export function auditChainKeyFromConfig(config: AuditChainKeyConfig, warn: (message: string) => void): Buffer {
  if (config.key) return parseAuditChainKey(config.key);
  if (config.nodeEnv === "production") {
    throw new Error("AUDIT_CHAIN_KEY is not set: generate one with AUDIT_CHAIN_KEY=$(openssl rand -base64 32) (npm run demo creates its own).");
  }
  warn("AUDIT_CHAIN_KEY is not set: the audit chain uses the public development key and is not protected against rewriting.");
  return DEVELOPMENT_KEY;
}

let processKey: Buffer | undefined;

/** The process-wide audit chain key, validated on first use. */
export function auditChainKey(): Buffer {
  processKey ??= auditChainKeyFromConfig({ key: env.AUDIT_CHAIN_KEY, nodeEnv: env.NODE_ENV }, (message) => logger.warn(message));
  return processKey;
}

/** For start-up (instrumentation, worker): throws now if AUDIT_CHAIN_KEY is missing or invalid. */
export function assertAuditChainKeyConfigured(): void {
  auditChainKey();
}

/** The checkpoint-signing key: derived, so a checkpoint's MAC can never pass for an entry's hash. */
export function checkpointKey(chainKey: Buffer = auditChainKey()): Buffer {
  return createHmac("sha256", chainKey).update("audit-checkpoint-signing").digest();
}

/** A fresh AUDIT_CHAIN_KEY value (base64 of 32 random bytes), for the local demo's generated configuration. */
export function generateAuditChainKeyValue(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}
