import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

/**
 * Blind indexes (ARCHITECTURE.md "Field-level encryption"): a keyed
 * HMAC-SHA256 of a normalized value, stored beside its ciphertext so an exact
 * match (e.g. "addresses with this postal code") is a plain indexed lookup
 * without decrypting anything. The HMAC key is its own secret, never one of
 * the field-encryption keys: a leaked index key reveals nothing about the
 * ciphertexts, and rotating the encryption keys leaves every index valid.
 * An index still reveals equality, so only fields that need lookups get one.
 */

const KEY_BYTES = 32;
// Standard base64 (`openssl rand -base64 32`) or base64url, padding optional; as key-ring.ts.
const BASE64 = /^(?:[A-Za-z0-9+/]+|[A-Za-z0-9_-]+)={0,2}$/;
// The purpose is joined with ":" before the value, so it must not contain one (no ambiguity).
const PURPOSE = /^[a-z][a-z0-9-]{0,31}$/;

/** Upper-cases a postal code and removes spaces and hyphens: "sw1a 1aa" and "SW1A-1AA" index alike. */
export function normalizePostalCode(value: string): string {
  return value.normalize("NFKC").toUpperCase().replace(/[\s-]+/g, "");
}

// Per-purpose normalization, so every caller indexes a value the same way.
const normalizers: Record<string, (value: string) => string> = {
  "postal-code": normalizePostalCode,
};

/**
 * The hex HMAC-SHA256 (64 characters) of `${purpose}:${normalized value}`.
 * The purpose separates domains: the same text indexed for two purposes gives
 * two unrelated indexes, so one column's index cannot be matched against another's.
 */
export function blindIndex(value: string, purpose: string, key: Buffer = blindIndexKey()): string {
  if (!PURPOSE.test(purpose)) throw new TypeError("A blind-index purpose is 1-32 characters of a-z 0-9 -, starting with a letter");
  if (key.length !== KEY_BYTES) throw new TypeError(`A blind-index key is ${KEY_BYTES} bytes`);
  const normalize = normalizers[purpose] ?? ((text: string) => text.normalize("NFC"));
  return createHmac("sha256", key).update(`${purpose}:${normalize(value)}`, "utf8").digest("hex");
}

/** Decodes BLIND_INDEX_KEY; the error never echoes the value (it may reach a log). */
export function parseBlindIndexKey(encoded: string): Buffer {
  const trimmed = encoded.trim();
  const key = BASE64.test(trimmed) ? Buffer.from(trimmed, /[-_]/.test(trimmed) ? "base64url" : "base64") : undefined;
  if (!key || key.length !== KEY_BYTES) {
    throw new Error(`BLIND_INDEX_KEY must be ${KEY_BYTES} random bytes in base64 (openssl rand -base64 32)`);
  }
  return key;
}

/** The configuration blindIndexKey() reads; separate from `env` so the policy can be tested. */
export type BlindIndexKeyConfig = { key?: string; nodeEnv: "development" | "production" | "test" };

/**
 * The key from configuration. Production refuses to run without it: indexes
 * written under a throw-away key would silently stop matching after a restart.
 * Development and tests get a per-process random key and one warning.
 */
export function blindIndexKeyFromConfig(config: BlindIndexKeyConfig, warn: (message: string) => void): Buffer {
  if (config.key) return parseBlindIndexKey(config.key);
  if (config.nodeEnv === "production") {
    throw new Error("BLIND_INDEX_KEY is not set: generate one with BLIND_INDEX_KEY=$(openssl rand -base64 32) (npm run demo creates its own).");
  }
  warn("BLIND_INDEX_KEY is not set: using a random per-process development key; blind indexes written now will not match after a restart.");
  return randomBytes(KEY_BYTES);
}

let processKey: Buffer | undefined;

/** The process-wide blind-index key from the environment, validated on first use. */
export function blindIndexKey(): Buffer {
  processKey ??= blindIndexKeyFromConfig({ key: env.BLIND_INDEX_KEY, nodeEnv: env.NODE_ENV }, (message) => logger.warn(message));
  return processKey;
}

/** For start-up (instrumentation, worker): throws now if BLIND_INDEX_KEY is missing or invalid, not on the first lookup. */
export function assertBlindIndexKeyConfigured(): void {
  blindIndexKey();
}

/** A fresh BLIND_INDEX_KEY value (base64 of 32 random bytes), for the local demo's generated configuration. */
export function generateBlindIndexKeyValue(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}
