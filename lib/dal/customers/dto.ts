import "server-only";
import { type CustomerAddressDTO, type AddressRow, toAccountAddress } from "@/lib/dal/accounts/addresses";
import type { Money } from "@/lib/catalog/money";
import { maskEmail, maskName, maskPhone } from "@/lib/data-classes/masking";
import type { FulfillmentStatus } from "@/lib/orders/fulfillment-status";
import type { PaymentStatus } from "@/lib/orders/payment-status";
import { addressCodec, staffView } from "@/lib/dal/accounts/address-codec";
import { userCodec } from "@/lib/dal/accounts/user-codec";

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
export type StaffCustomerAddressDTO = CustomerAddressDTO;

export type StaffCustomerOrderDTO = {
  id: string;
  number: string;
  paymentStatus: PaymentStatus;
  fulfillmentStatus: FulfillmentStatus;
  total: Money;
  placedAt: Date;
};

export type StaffCustomerDTO = StaffCustomerSummaryDTO & {
  emailVerified: boolean;
  /** Set while the owner's "This wasn't me" report keeps the password locked (until their reset). */
  reportedCompromisedAt: Date | null;
  addresses: StaffCustomerAddressDTO[];
  recentOrders: StaffCustomerOrderDTO[];
};

export type CustomerRow = { id: string; name: string; email: string; phone: string | null; createdAt: Date; _count: { orders: number } };

export function toStaffCustomerSummary(row: CustomerRow, revealedUntil: Date | null): StaffCustomerSummaryDTO {
  const show = staffView(revealedUntil !== null);
  const phone = userCodec.openField(row, "phone", row.phone);
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

/** An address decrypted as in the customer's own address book (lib/dal/accounts/addresses.ts), then masked unless revealed. */
export function toStaffCustomerAddress(row: AddressRow, revealed: boolean): StaffCustomerAddressDTO {
  return addressCodec.maskForStaff(toAccountAddress(row), revealed);
}
