import "server-only";
import { type AddressField, type AddressText, addressFields, addressText } from "@/lib/dal/accounts/address-codec";
import { type EncryptedField, type EncryptedValues, encryptedModelCodec } from "@/lib/dal/encrypted-model-codec";

/**
 * An order's shipping address: a snapshot taken when the order is placed, so
 * later edits of the address book do not rewrite history. Encrypted under the
 * order's own id (the order outlives the customer's account). Erasure removes
 * the ciphertext: nothing is left to decrypt, whoever holds the keys.
 */
export type ShippingAddress = AddressText & { country: string };

const codec = encryptedModelCodec("Order");

/** The snapshot column of an address field: `line1` is kept in `shipLine1`. */
type SnapshotColumn = `ship${Capitalize<AddressField>}`;
const columnOf = (field: AddressField) => `ship${field.charAt(0).toUpperCase()}${field.slice(1)}` as SnapshotColumn;

// The Order's encrypted columns are exactly the address fields, prefixed: a
// schema change to one without the other fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _snapshotMatchesAddress: Same<SnapshotColumn, EncryptedField<"Order">> = true;

/** The snapshot columns of an order as written: encrypted values, and the country in plain. */
export type SealedShippingAddress = Record<SnapshotColumn, string | null> & { shipCountry: string };

/** The columns openShippingAddress reads, for any order query that shows the address. */
export const shippingAddressSelect = { ...codec.select, shipCountry: true, addressErasedAt: true } as const;

type SnapshotRow = { id: string; shipCountry: string; addressErasedAt: Date | null } & EncryptedValues<"Order">;

/** The snapshot of `address` for order `orderId`, every value bound to the order. */
export function sealShippingAddress(orderId: string, address: ShippingAddress): SealedShippingAddress {
  const columns = Object.fromEntries(addressFields.map((field) => [columnOf(field), address[field]])) as EncryptedValues<"Order">;
  return { ...codec.seal({ id: orderId }, columns), shipCountry: address.country };
}

/** The decrypted snapshot (a value that does not decrypt reads UNREADABLE_VALUE), or null once it has been erased. */
export function openShippingAddress(row: SnapshotRow): ShippingAddress | null {
  if (row.addressErasedAt) return null;
  const opened = codec.open(row);
  return { ...addressText(Object.fromEntries(addressFields.map((field) => [field, opened[columnOf(field)]])) as EncryptedValues<"Address">), country: row.shipCountry };
}

/** The update that crypto-shreds a snapshot: every encrypted column emptied (the country stays for tax records). */
export function erasedShippingAddress(now: Date) {
  return { ...codec.erased, addressErasedAt: now };
}
