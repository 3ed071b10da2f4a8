import "server-only";
import { encryptField } from "@/lib/crypto/field-encryption";
import type { AccountAddressDTO } from "@/lib/dal/accounts/addresses";
import { readEncryptedField } from "@/lib/crypto/readable-field";

/**
 * An order's shipping address: a snapshot taken when the order is placed, so
 * later edits of the address book do not rewrite history. Encrypted under the
 * order's own id (the order outlives the customer's account). Erasure removes
 * the ciphertext: nothing is left to decrypt, whoever holds the keys.
 */
export type ShippingAddress = Omit<AccountAddressDTO, "id" | "isDefault">;

const columns = {
  recipientName: "shipRecipientName",
  line1: "shipLine1",
  line2: "shipLine2",
  city: "shipCity",
  region: "shipRegion",
  postalCode: "shipPostalCode",
  phone: "shipPhone",
} as const;

type SnapshotField = keyof typeof columns;
type SnapshotColumn = (typeof columns)[SnapshotField];

export type SealedShippingAddress = Record<SnapshotColumn, string | null> & { shipCountry: string };

export const shippingAddressSelect = {
  id: true,
  shipRecipientName: true,
  shipLine1: true,
  shipLine2: true,
  shipCity: true,
  shipRegion: true,
  shipPostalCode: true,
  shipPhone: true,
  shipCountry: true,
  addressErasedAt: true,
} as const;

type SnapshotRow = { id: string; shipCountry: string; addressErasedAt: Date | null } & Record<SnapshotColumn, string | null>;

const place = (orderId: string, column: SnapshotColumn) => ({ model: "Order", field: column, ownerId: orderId });

export function sealShippingAddress(orderId: string, address: ShippingAddress): SealedShippingAddress {
  const seal = (field: SnapshotField) => {
    const value = address[field];
    return value === null ? null : encryptField(value, place(orderId, columns[field]));
  };
  return {
    shipRecipientName: seal("recipientName"),
    shipLine1: seal("line1"),
    shipLine2: seal("line2"),
    shipCity: seal("city"),
    shipRegion: seal("region"),
    shipPostalCode: seal("postalCode"),
    shipPhone: seal("phone"),
    shipCountry: address.country,
  };
}

/** The decrypted snapshot (a value that does not decrypt reads UNREADABLE_VALUE), or null once it has been erased. */
export function openShippingAddress(row: SnapshotRow): ShippingAddress | null {
  if (row.addressErasedAt) return null;
  const open = (field: SnapshotField) => {
    const value = row[columns[field]];
    return value === null ? null : readEncryptedField(value, place(row.id, columns[field]));
  };
  return {
    recipientName: open("recipientName") ?? "",
    line1: open("line1") ?? "",
    line2: open("line2"),
    city: open("city") ?? "",
    region: open("region"),
    postalCode: open("postalCode") ?? "",
    country: row.shipCountry,
    phone: open("phone"),
  };
}

/** The update that crypto-shreds a snapshot: every encrypted column emptied (the country stays for tax records). */
export function erasedShippingAddress(now: Date) {
  return {
    shipRecipientName: null,
    shipLine1: null,
    shipLine2: null,
    shipCity: null,
    shipRegion: null,
    shipPostalCode: null,
    shipPhone: null,
    addressErasedAt: now,
  };
}
