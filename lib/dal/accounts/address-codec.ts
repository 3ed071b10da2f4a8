import "server-only";
import { maskAddressLine, maskName, maskPhone } from "@/lib/data-classes/masking";
import { encryptedModels } from "@/lib/generated/data-classes";
import { type EncryptedField, type EncryptedValues, encryptedModelCodec, type RowBinding } from "@/lib/dal/encrypted-model-codec";
import { UNREADABLE_VALUE } from "@/lib/crypto/readable-field";

/**
 * The codec of a postal address, one place for what the address book, the
 * order snapshot (lib/dal/order-address.ts) and staff masking share: which
 * fields are encrypted (Address's `@encrypted` fields in the schema), how a
 * row opens into text people read, and how staff see it masked.
 */

type AddressSpec = (typeof encryptedModels)["Address"]["fields"];

/** An encrypted field of a postal address (recipientName, line1, …, phone; not the country). */
export type AddressField = EncryptedField<"Address">;

/** The encrypted part of an address as people read it: a field the schema requires is a string, the others may be null. */
export type AddressText = { [K in AddressField]: AddressSpec[K]["required"] extends true ? string : string | null };

const codec = encryptedModelCodec("Address");

/** The encrypted fields of an address, in schema order. */
export const addressFields: readonly AddressField[] = codec.fields;

/** Decrypted values as AddressText: a required field with no value (never stored so) reads "". */
export function addressText(values: EncryptedValues<"Address">): AddressText {
  const spec: Record<string, { required: boolean }> = encryptedModels.Address.fields;
  return Object.fromEntries(addressFields.map((field) => [field, values[field] ?? (spec[field]?.required ? "" : null)])) as AddressText;
}

// A postal code is masked whole: any part of it narrows down where someone lives.
const maskWhole = (value: string) => (value === "" ? "" : "•••");

/** How staff see each field before a reveal; a new encrypted address field fails to compile until it has one. */
const staffMasks: Record<AddressField, (value: string) => string> = {
  recipientName: maskName,
  line1: maskAddressLine,
  line2: maskAddressLine,
  city: maskName,
  region: maskName,
  postalCode: maskWhole,
  phone: maskPhone,
};

/**
 * How staff see one value: as it is once revealed, masked otherwise. The
 * unreadable marker is no personal data: it is shown as it is, never masked
 * into something that looks like a value.
 */
export function staffView(revealed: boolean): (value: string, mask: (value: string) => string) => string {
  return revealed ? (value) => value : (value, mask) => (value === UNREADABLE_VALUE ? value : mask(value));
}

/** The address book's codec: Address rows, bound to the owning user and the address id. */
export const addressCodec = {
  /** A Prisma select of the encrypted fields and the columns they are bound to (id, userId). */
  select: codec.select,
  /** Encrypts the address text of address `row.id` of user `row.userId`. */
  seal: <T extends AddressText>(row: RowBinding<"Address">, text: T) => codec.seal(row, text),
  /** Decrypts an Address row; a value that does not decrypt reads UNREADABLE_VALUE. */
  open: (row: RowBinding<"Address"> & EncryptedValues<"Address">): AddressText => addressText(codec.open(row)),
  /** `text` as staff see it: every value masked unless `revealed`. */
  maskForStaff<T extends AddressText>(text: T, revealed: boolean): T {
    const show = staffView(revealed);
    const masked = Object.fromEntries(addressFields.map((field) => [field, text[field] === null ? null : show(text[field], staffMasks[field])]));
    return { ...text, ...masked };
  },
};
