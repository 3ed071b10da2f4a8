import "server-only";
import { type EncryptedColumn, encryptedColumns } from "@/lib/generated/data-classes";
import type { FieldContext } from "./field-encryption";

/**
 * Every column that holds a field-encryption envelope: the `@encrypted`
 * fields of prisma/schema.prisma, as `prisma generate` wrote them
 * (lib/generated/data-classes.ts). Key rotation walks this list.
 *
 * Each value's AAD binds it to its model, field, owner and row: `ownerColumn`
 * holds the ownerId (`owner=` in the schema, the row's own id by default) and
 * `rowColumn` the recordId (the row's id):
 * - User fields are bound to the user's own id (owner and row alike).
 * - Address fields are bound to the owning user (`owner=userId`) and to the
 *   address id, so a value copied to another address, or a row re-pointed at
 *   another user, fails to decrypt.
 * - An order's address snapshot is bound to the order's id: the order outlives
 *   the customer's account (accounting), and erasure removes the snapshot.
 *
 * Identifiers here are interpolated (quoted) into SQL by lib/dal/operations/key-rotation.ts;
 * they come from the schema, never from input.
 */
export { type EncryptedColumn, encryptedColumns };

/** "Model.field", for progress lines and reports. */
export function encryptedColumnName(column: EncryptedColumn): string {
  return `${column.model}.${column.field}`;
}

/** The AAD context of one stored value of `column`, in row `recordId` owned by `ownerId`. */
export function encryptedColumnContext(column: EncryptedColumn, ownerId: string, recordId: string): FieldContext {
  return { model: column.model, field: column.field, ownerId, recordId };
}
