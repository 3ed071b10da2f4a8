import "server-only";
import { type AccountAddressDTO, type AddressRow, toAccountAddress } from "@/lib/dal/accounts/addresses";
import type { Money } from "@/lib/catalog/money";
import { maskAddressLine, maskEmail, maskName, maskPhone } from "@/lib/data-classes/masking";
import type { OrderStatus } from "@/lib/payments/order-transitions";
import { readEncryptedField, UNREADABLE_VALUE } from "@/lib/crypto/readable-field";

/**
 * What staff see of a customer. Sensitive values are masked here, in the DAL,
 * unless the viewer holds a live reveal grant for this customer
 * (`revealedUntil` set): without one the DTO never holds an unmasked value, so
 * no page, log or serialised prop can leak what it never received.
 */
export type StaffCustomerSummaryDTO = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  orderCount: number;
  joinedAt: Date;
  /** When the viewer's reveal grant ends; null means every value above is masked. */
  revealedUntil: Date | null;
};

/** An address as staff see it: the address book's shape, every value but the country masked unless revealed. */
export type StaffCustomerAddressDTO = AccountAddressDTO;

export type StaffCustomerOrderDTO = { id: string; number: string; status: OrderStatus; total: Money; placedAt: Date };

export type StaffCustomerDTO = StaffCustomerSummaryDTO & {
  emailVerified: boolean;
  addresses: StaffCustomerAddressDTO[];
  recentOrders: StaffCustomerOrderDTO[];
};

// A postal code is masked whole: any part of it narrows down where someone lives.
const maskWhole = (value: string) => (value === "" ? "" : "•••");

type Show = (value: string, mask: (value: string) => string) => string;

// The unreadable marker is no personal data: it is shown as it is, never masked into something that looks like a value.
const shower = (revealed: boolean): Show => (revealed ? (value) => value : (value, mask) => (value === UNREADABLE_VALUE ? value : mask(value)));

export type CustomerRow = { id: string; name: string; email: string; phone: string | null; createdAt: Date; _count: { orders: number } };

export function toStaffCustomerSummary(row: CustomerRow, revealedUntil: Date | null): StaffCustomerSummaryDTO {
  const show = shower(revealedUntil !== null);
  const phone = row.phone === null ? null : readEncryptedField(row.phone, { model: "User", field: "phone", ownerId: row.id });
  return {
    id: row.id,
    name: show(row.name, maskName),
    email: show(row.email, maskEmail),
    phone: phone === null ? null : show(phone, maskPhone),
    orderCount: row._count.orders,
    joinedAt: row.createdAt,
    revealedUntil,
  };
}

type AddressField = "recipientName" | "line1" | "line2" | "city" | "region" | "postalCode" | "phone";

const addressMasks: Record<AddressField, (value: string) => string> = {
  recipientName: maskName,
  line1: maskAddressLine,
  line2: maskAddressLine,
  city: maskName,
  region: maskName,
  postalCode: maskWhole,
  phone: maskPhone,
};

/** An address decrypted as in the customer's own address book (lib/dal/accounts/addresses.ts), then masked unless revealed. */
export function toStaffCustomerAddress(row: AddressRow, revealed: boolean): StaffCustomerAddressDTO {
  const show = shower(revealed);
  const address = toAccountAddress(row);
  const masked = (field: AddressField) => {
    const value = address[field];
    return value === null ? null : show(value, addressMasks[field]);
  };
  return {
    ...address,
    recipientName: masked("recipientName") ?? "",
    line1: masked("line1") ?? "",
    line2: masked("line2"),
    city: masked("city") ?? "",
    region: masked("region"),
    postalCode: masked("postalCode") ?? "",
    phone: masked("phone"),
  };
}
