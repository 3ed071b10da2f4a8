import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { type KeyRing, keyRing } from "./key-ring";

/**
 * Field-level encryption (ARCHITECTURE.md, ASVS V11.3.2/V11.3.3): AES-256-GCM,
 * a fresh random 96-bit IV per value (random IVs under one key stay safe far
 * beyond this shop's write volume), and additional authenticated data binding
 * each ciphertext to its place (model, field, owner and row), so a value
 * copied to another row or field fails to decrypt. Stored as
 * `v2.<keyId>.<iv>.<ciphertext+tag>` (base64url), the key id making rotation
 * possible (V11.2.2).
 *
 * Envelope versions:
 * - v2 (written now): AAD "v2.<model>.<field>.<ownerId>.<recordId>".
 * - v1 (read only): AAD "<model>.<field>.<ownerId>". For an address the owner
 *   was the customer, not the row, so a v1 value copied to another address of
 *   the same customer still decrypts. v1 values are read as before until
 *   `npm run keys:rotate` rewrites them as v2 (it rewrites every v1 value,
 *   even under the current key). The version is authenticated: a v2 value
 *   relabelled v1 fails, as its tag covers the v2 AAD.
 */

/**
 * Where a value lives. `ownerId` is the record's owner (a user's own id, an
 * address's user, an order's id); `recordId` is the row's own id, and defaults
 * to `ownerId` for rows that are their own owner (users, orders).
 */
export type FieldContext = { model: string; field: string; ownerId: string; recordId?: string };

/** Why a value could not be decrypted (error codes, convention 8). */
export const FieldDecryptionReason = {
  /** Not a v1 envelope at all (truncated, wrong version, bad base64url). */
  malformed: "malformed",
  /** Names a key id the ring does not hold (rotated out, or the wrong configuration). */
  unknown_key: "unknown_key",
  /** Failed authentication: wrong key, copied to another row or field, or modified. */
  tampered: "tampered",
} as const;
export type FieldDecryptionReason = (typeof FieldDecryptionReason)[keyof typeof FieldDecryptionReason];

const MESSAGES: Record<FieldDecryptionReason, string> = {
  malformed: "is not a valid encrypted value",
  unknown_key: "was encrypted with a key that is not in the key ring",
  tampered: "failed authentication (wrong key, moved from another record, or modified)",
};

/** A value that cannot be decrypted. The message names the field, never the value or a key. */
export class FieldDecryptionError extends Error {
  override readonly name = "FieldDecryptionError";
  constructor(
    readonly reason: FieldDecryptionReason,
    context?: Pick<FieldContext, "model" | "field">,
    keyId?: string,
  ) {
    const place = context ? `${context.model}.${context.field}` : "value";
    super(`Encrypted ${place} ${MESSAGES[reason]}${keyId ? ` (key "${keyId}")` : ""}`);
  }
}

const VERSION = "v2";
type Version = "v1" | "v2";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Key id as in key-ring.ts; IV is exactly 12 bytes (16 chars); ciphertext+tag at least the 16-byte tag (22 chars).
const ENVELOPE = /^(v1|v2)\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;
// Model and field names carry no dots, so the AAD string splits one way only.
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

type Envelope = { version: Version; keyId: string; iv: Buffer; sealed: Buffer };

function parseEnvelope(value: string): Envelope | undefined {
  const match = ENVELOPE.exec(value);
  if (!match) return undefined;
  const [, version = "", keyId = "", iv = "", sealed = ""] = match;
  const sealedBytes = Buffer.from(sealed, "base64url");
  // Canonical base64url only: a re-encoding mismatch means stray bits or a wrong length.
  if (sealedBytes.toString("base64url") !== sealed || sealedBytes.length < TAG_BYTES) return undefined;
  const ivBytes = Buffer.from(iv, "base64url");
  if (ivBytes.toString("base64url") !== iv || ivBytes.length !== IV_BYTES) return undefined;
  return { version: version === "v1" ? "v1" : "v2", keyId, iv: ivBytes, sealed: sealedBytes };
}

/** The AAD; a bad context is a programming error, so it throws rather than binding to the wrong place. */
function additionalData(context: FieldContext, version: Version): Buffer {
  const recordId = context.recordId ?? context.ownerId;
  if (!NAME.test(context.model) || !NAME.test(context.field) || context.ownerId.length === 0 || recordId.length === 0) {
    throw new TypeError("FieldContext needs a model and field name (letters, digits, _) and a non-empty ownerId and recordId");
  }
  // Ids never contain a dot (cuid, uuid), so the string splits one way only.
  const aad = version === "v1" ? `${context.model}.${context.field}.${context.ownerId}` : `v2.${context.model}.${context.field}.${context.ownerId}.${recordId}`;
  return Buffer.from(aad, "utf8");
}

/** Encrypts `plaintext` for one field of one record, under the ring's current key. */
export function encryptField(plaintext: string, context: FieldContext, ring: KeyRing = keyRing()): string {
  const aad = additionalData(context, VERSION);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${ring.current.id}.${iv.toString("base64url")}.${sealed.toString("base64url")}`;
}

/** Decrypts an envelope written by encryptField for the same context; throws FieldDecryptionError otherwise. */
export function decryptField(envelope: string, context: FieldContext, ring: KeyRing = keyRing()): string {
  const parsed = parseEnvelope(envelope);
  if (!parsed) {
    additionalData(context, VERSION); // a bad context is still a programming error
    throw new FieldDecryptionError("malformed", context);
  }
  const aad = additionalData(context, parsed.version);
  const key = ring.get(parsed.keyId);
  if (!key) throw new FieldDecryptionError("unknown_key", context, parsed.keyId);
  const ciphertext = parsed.sealed.subarray(0, parsed.sealed.length - TAG_BYTES);
  const tag = parsed.sealed.subarray(parsed.sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, parsed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    // final() verifies the tag; nothing decrypted is returned unless it passes.
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new FieldDecryptionError("tampered", context, parsed.keyId);
  }
}

/** Whether `value` has the shape of an envelope (not whether it decrypts), e.g. to skip already-encrypted rows. */
export function isEncryptedEnvelope(value: string): boolean {
  return parseEnvelope(value) !== undefined;
}

/** The key id an envelope names; throws FieldDecryptionError("malformed") for anything else. */
export function envelopeKeyId(envelope: string): string {
  const parsed = parseEnvelope(envelope);
  if (!parsed) throw new FieldDecryptionError("malformed");
  return parsed.keyId;
}

/** Whether an envelope is already in the current form: the current version, under the ring's current key. */
export function isCurrentEnvelope(envelope: string, ring: KeyRing = keyRing()): boolean {
  const parsed = parseEnvelope(envelope);
  return parsed !== undefined && parsed.version === VERSION && parsed.keyId === ring.current.id;
}

/**
 * The value in the current form (version and key), for key rotation. It is
 * always decrypted first, so a tampered or unreadable value is reported rather
 * than carried forward; one already current is returned unchanged.
 */
export function reencryptField(envelope: string, context: FieldContext, ring: KeyRing = keyRing()): string {
  const plaintext = decryptField(envelope, context, ring);
  if (isCurrentEnvelope(envelope, ring)) return envelope;
  return encryptField(plaintext, context, ring);
}
