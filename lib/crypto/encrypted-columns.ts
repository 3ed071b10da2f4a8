import "server-only";
import type { FieldContext } from "./field-encryption";

/**
 * Every column that holds a field-encryption envelope (`@encrypted` in
 * prisma/schema.prisma; a test keeps the two in step). Key rotation walks this
 * list, so a column missing here would keep values under a retired key.
 *
 * `column` is also the Prisma field name (no `@map` on these fields), which is
 * the `field` in the value's AAD. `ownerColumn` holds the AAD's `ownerId`, and
 * the row's `id` its `recordId`:
 * - User fields are bound to the user's own id (owner and row alike).
 * - Address fields are bound to the owning user (`Address.userId`) and to the
 *   address id, so every address DAL call uses `{ model: "Address", field,
 *   ownerId: address.userId, recordId: address.id }`. A value copied to another
 *   address, or a row re-pointed at another user, then fails to decrypt.
 * - An order's address snapshot is bound to the order's id: the order outlives
 *   the customer's account (accounting), and erasure removes the snapshot.
 *
 * Identifiers here are interpolated (quoted) into SQL by lib/dal/operations/key-rotation.ts,
 * so they are constants, never input.
 */
export type EncryptedColumn = {
  /** The Prisma model, as in the AAD. */
  model: string;
  /** The SQL table. */
  table: string;
  /** The SQL column, equal to the Prisma field name. */
  column: string;
  /** The column whose value is the AAD ownerId. */
  ownerColumn: string;
};

const user = (column: string): EncryptedColumn => ({ model: "User", table: "User", column, ownerColumn: "id" });
const address = (column: string): EncryptedColumn => ({ model: "Address", table: "Address", column, ownerColumn: "userId" });
const order = (column: string): EncryptedColumn => ({ model: "Order", table: "Order", column, ownerColumn: "id" });

export const encryptedColumns: readonly EncryptedColumn[] = Object.freeze([
  user("phone"),
  user("totpSecret"),
  user("totpPendingSecret"),
  address("recipientName"),
  address("line1"),
  address("line2"),
  address("city"),
  address("region"),
  address("postalCode"),
  address("phone"),
  order("shipRecipientName"),
  order("shipLine1"),
  order("shipLine2"),
  order("shipCity"),
  order("shipRegion"),
  order("shipPostalCode"),
  order("shipPhone"),
]);

/** "Model.field", for progress lines and reports. */
export function encryptedColumnName(column: EncryptedColumn): string {
  return `${column.model}.${column.column}`;
}

/** The AAD context of one stored value of `column`, in row `recordId` owned by `ownerId`. */
export function encryptedColumnContext(column: EncryptedColumn, ownerId: string, recordId: string): FieldContext {
  return { model: column.model, field: column.column, ownerId, recordId };
}
