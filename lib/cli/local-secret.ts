import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateBlindIndexKeyValue, parseBlindIndexKey } from "@/lib/crypto/blind-index";
import { generateKeyRingValue, parseKeyRing } from "@/lib/crypto/key-ring";

/**
 * A secret generated once for a local installation and kept in DATA_DIR
 * (readable by its owner only), so the demo needs no configuration while a
 * production deployment still has to provide its own (AUTH_SECRET).
 */
export async function localSecret(dataDir: string, name: string): Promise<string> {
  const file = join(dataDir, `${name}.secret`);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** A local installation's field-encryption key ring, in the FIELD_ENCRYPTION_* formats. */
export type LocalKeyRing = { keys: string; current: string; file: string; created: boolean };

/**
 * The local demo's field-encryption key ring, generated once and kept in
 * DATA_DIR like the auth secret. Unlike that secret, losing it loses data (the
 * encrypted fields), so it is never regenerated over an existing file, and a
 * damaged file stops start-up instead of silently starting a new ring.
 */
export async function localKeyRing(dataDir: string): Promise<LocalKeyRing> {
  const file = join(dataDir, "field-encryption-keys.json");
  if (existsSync(file)) {
    const stored = parseStoredRing(await readFile(file, "utf8"));
    if (!stored) throw new Error(`${file} is damaged: restore it from a backup.`);
    parseKeyRing(stored.keys, stored.current); // throws (without key material) on a damaged ring
    return { keys: stored.keys, current: stored.current, file, created: false };
  }
  await mkdir(dataDir, { recursive: true });
  const ring = generateKeyRingValue();
  // "wx": never overwrite a ring another process has just written.
  await writeFile(file, `${JSON.stringify(ring)}\n`, { mode: 0o600, flag: "wx" });
  return { ...ring, file, created: true };
}

/** JSON.parse's own errors quote the text (key material here), so they are not passed on. */
function parseStoredRing(text: string): { keys: string; current: string } | undefined {
  try {
    const stored = JSON.parse(text) as Partial<Record<"keys" | "current", unknown>>;
    return typeof stored.keys === "string" && typeof stored.current === "string" ? { keys: stored.keys, current: stored.current } : undefined;
  } catch {
    return undefined;
  }
}

/** A key kept in DATA_DIR: its value, its file, and whether this call created it. */
export type LocalStoredKey = { key: string; file: string; created: boolean };

/** A local installation's BLIND_INDEX_KEY (base64 of 32 bytes). */
export type LocalBlindIndexKey = LocalStoredKey;

/**
 * A key kept in `DATA_DIR/<fileName>`, generated once. A key whose loss
 * breaks stored data (blind indexes, the audit chain) is never regenerated over
 * an existing file, and a damaged file stops start-up. `validate` throws,
 * without key material, on a damaged key.
 */
export async function localStoredKey(
  dataDir: string,
  fileName: string,
  { generate, validate }: { generate: () => string; validate: (key: string) => unknown },
): Promise<LocalStoredKey> {
  const file = join(dataDir, fileName);
  if (existsSync(file)) {
    const key = parseStoredKey(await readFile(file, "utf8"));
    if (!key) throw new Error(`${file} is damaged: restore it from a backup.`);
    validate(key);
    return { key, file, created: false };
  }
  await mkdir(dataDir, { recursive: true });
  const key = generate();
  // "wx": never overwrite a key another process has just written.
  await writeFile(file, `${JSON.stringify({ key })}\n`, { mode: 0o600, flag: "wx" });
  return { key, file, created: true };
}

/**
 * The local demo's blind-index key, kept in DATA_DIR beside the key ring and
 * guarded the same way: losing it makes every stored index (e.g. postal-code
 * lookups) stop matching.
 */
export function localBlindIndexKey(dataDir: string): Promise<LocalBlindIndexKey> {
  return localStoredKey(dataDir, "blind-index-key.json", { generate: generateBlindIndexKeyValue, validate: parseBlindIndexKey });
}

/** As parseStoredRing: JSON.parse's errors would quote key material. */
function parseStoredKey(text: string): string | undefined {
  try {
    const stored = JSON.parse(text) as Partial<Record<"key", unknown>>;
    return typeof stored.key === "string" ? stored.key : undefined;
  } catch {
    return undefined;
  }
}
