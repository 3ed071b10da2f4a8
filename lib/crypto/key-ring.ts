import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

/**
 * The field-encryption key ring (ARCHITECTURE.md "Field-level encryption",
 * ASVS V11.2.2): several AES-256 keys, each named by an id that is stored with
 * every ciphertext, one of them current. Values are encrypted with the current
 * key and decrypted with whichever key they name, so keys can be rotated.
 */
export type KeyRing = {
  /** The key new values are encrypted with. `key` is non-enumerable, so logging the ring shows no key. */
  current: { id: string; key: Buffer };
  /** The key with this id, or undefined when the ring does not hold it. */
  get(id: string): Buffer | undefined;
  /** Every key id in the ring, in configuration order. */
  ids: string[];
};

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
// Standard base64 (as `openssl rand -base64 32` prints it) or base64url, padding optional.
const BASE64 = /^(?:[A-Za-z0-9+/]+|[A-Za-z0-9_-]+)={0,2}$/;
const KEY_BYTES = 32;

/**
 * Parses "keyId:base64(32 bytes),keyId2:…" and the current key id. Errors name
 * the entry's position or id, never its key material (they may reach a log).
 */
export function parseKeyRing(keys: string, currentKeyId: string): KeyRing {
  const entries = keys.split(",").map((entry) => entry.trim());
  const ring = new Map<string, Buffer>();
  entries.forEach((entry, index) => {
    const position = `FIELD_ENCRYPTION_KEYS entry ${index + 1}`;
    const separator = entry.indexOf(":");
    if (separator < 0) throw new Error(`${position} must be "keyId:base64key"`);
    const id = entry.slice(0, separator).trim();
    const encoded = entry.slice(separator + 1).trim();
    // An invalid id is not echoed: a misplaced separator could put key material in it.
    if (!KEY_ID.test(id)) throw new Error(`${position}: the key id must be 1-32 characters of A-Z a-z 0-9 _ -`);
    if (ring.has(id)) throw new Error(`FIELD_ENCRYPTION_KEYS names key "${id}" more than once`);
    const key = BASE64.test(encoded) ? Buffer.from(encoded, encoded.includes("-") || encoded.includes("_") ? "base64url" : "base64") : undefined;
    if (!key || key.length !== KEY_BYTES) {
      throw new Error(`FIELD_ENCRYPTION_KEYS key "${id}" must be ${KEY_BYTES} random bytes in base64 (openssl rand -base64 32)`);
    }
    ring.set(id, key);
  });
  const current = ring.get(currentKeyId);
  if (!KEY_ID.test(currentKeyId) || !current) {
    throw new Error(`FIELD_ENCRYPTION_CURRENT_KEY must name a key in FIELD_ENCRYPTION_KEYS (ids: ${[...ring.keys()].join(", ")})`);
  }
  return createRing(ring, currentKeyId, current);
}

function createRing(ring: Map<string, Buffer>, currentId: string, currentKey: Buffer): KeyRing {
  const current = { id: currentId } as KeyRing["current"];
  // Non-enumerable: JSON.stringify, pino and util.inspect then leave the key out.
  Object.defineProperty(current, "key", { value: currentKey, enumerable: false });
  return Object.freeze({
    current: Object.freeze(current),
    get: (id: string) => ring.get(id),
    ids: Object.freeze([...ring.keys()]) as string[],
  });
}

/** The configuration keyRing() reads; separate from `env` so the policy can be tested. */
export type KeyRingConfig = { keys?: string; currentKeyId?: string; nodeEnv: "development" | "production" | "test" };

/**
 * Builds the ring from configuration. Production refuses to run without keys
 * (every instance must share them, and data written under a throw-away key
 * would be lost); development and tests get a per-process random key and one
 * warning, since nothing they encrypt survives a restart.
 */
export function keyRingFromConfig(config: KeyRingConfig, warn: (message: string) => void): KeyRing {
  if (config.keys) {
    if (!config.currentKeyId) throw new Error("FIELD_ENCRYPTION_CURRENT_KEY is not set: name the key in FIELD_ENCRYPTION_KEYS to encrypt with.");
    return parseKeyRing(config.keys, config.currentKeyId);
  }
  if (config.nodeEnv === "production") {
    throw new Error(
      "FIELD_ENCRYPTION_KEYS is not set: generate a key ring with FIELD_ENCRYPTION_KEYS=k1:$(openssl rand -base64 32) FIELD_ENCRYPTION_CURRENT_KEY=k1 (npm run demo creates its own).",
    );
  }
  warn("FIELD_ENCRYPTION_KEYS is not set: using a random per-process development key; data encrypted now cannot be read after a restart or by another process.");
  const key = randomBytes(KEY_BYTES);
  return createRing(new Map([["dev", key]]), "dev", key);
}

let processRing: KeyRing | undefined;

/** The process-wide key ring from the environment, built (and validated) on first use. */
export function keyRing(): KeyRing {
  processRing ??= keyRingFromConfig(
    { keys: env.FIELD_ENCRYPTION_KEYS, currentKeyId: env.FIELD_ENCRYPTION_CURRENT_KEY, nodeEnv: env.NODE_ENV },
    (message) => logger.warn(message),
  );
  return processRing;
}

/** For start-up (instrumentation, worker): throws now if the key ring is missing or invalid, not on the first request. */
export function assertKeyRingConfigured(): void {
  keyRing();
}

/** A fresh one-key ring in FIELD_ENCRYPTION_KEYS format, for the local demo's generated configuration. */
export function generateKeyRingValue(id = "k1"): { keys: string; current: string } {
  if (!KEY_ID.test(id)) throw new Error("A key id must be 1-32 characters of A-Z a-z 0-9 _ -");
  return { keys: `${id}:${randomBytes(KEY_BYTES).toString("base64")}`, current: id };
}
