import { createCipheriv, randomBytes } from "node:crypto";
import type { FieldContext } from "./field-encryption";
import type { KeyRing } from "./key-ring";

/**
 * A value as the previous envelope version (v1) wrote it, for tests of the
 * upgrade path: AAD "<model>.<field>.<ownerId>", bound to the owner only.
 */
export function legacyV1Envelope(plaintext: string, place: FieldContext, ring: KeyRing): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(`${place.model}.${place.field}.${place.ownerId}`, "utf8"));
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1.${ring.current.id}.${iv.toString("base64url")}.${sealed.toString("base64url")}`;
}
