import "server-only";
import { decryptField, type FieldContext, FieldDecryptionError } from "@/lib/crypto/field-encryption";
import { logger } from "@/lib/log/logger";

/**
 * What a page shows in place of a stored value that does not decrypt (moved
 * from another row, modified, or under a key no longer configured): the rest
 * of the page still renders, instead of an error for the whole page.
 */
export const UNREADABLE_VALUE = "[unreadable]";

/**
 * decryptField for values shown to people: a value that does not decrypt
 * becomes UNREADABLE_VALUE, and the failure is logged by place and reason
 * (never the value). Anything else (a programming error) still throws.
 */
export function readEncryptedField(envelope: string, context: FieldContext): string {
  try {
    return decryptField(envelope, context);
  } catch (error) {
    if (!(error instanceof FieldDecryptionError)) throw error;
    logger.warn({ model: context.model, field: context.field, recordId: context.recordId ?? context.ownerId, reason: error.reason }, "encrypted value unreadable");
    return UNREADABLE_VALUE;
  }
}

/** Whether any of `values` could not be decrypted (UNREADABLE_VALUE). */
export function hasUnreadableValue(values: Record<string, unknown>): boolean {
  return Object.values(values).some((value) => value === UNREADABLE_VALUE);
}
