import "server-only";
import { maskEmail } from "@/lib/data-classes/masking";
import { guestOrderEmailIndex } from "@/lib/dal/accounts/guest-orders";
import { encryptedModelCodec } from "@/lib/dal/encrypted-model-codec";
import { UNREADABLE_VALUE } from "@/lib/crypto/readable-field";

/**
 * The contact of a guest order: the email the guest gave (encrypted, bound to
 * the order), its blind index for the later join with an account, and the
 * hash of the guest cart cookie that placed it (the one browser that may see
 * the order before the status link arrives by mail).
 */
const codec = encryptedModelCodec("GuestOrderContact");

/** The columns of a guest contact row as created with the order. */
export function sealGuestContact(orderId: string, email: string, cartTokenHash: string) {
  return { ...codec.seal({ orderId }, { email }), emailIndex: guestOrderEmailIndex(email), cartTokenHash };
}

/** A Prisma select of what openGuestEmail reads. */
export const guestEmailSelect = codec.select;

/** The guest's email, decrypted, or null when it does not decrypt (nobody to write to). */
export function openGuestEmail(row: { orderId: string; email: string }): string | null {
  const email = codec.openField(row, "email", row.email);
  return email === UNREADABLE_VALUE ? null : email;
}

/** The columns staffCustomerLabel reads (Prisma select of the relations). */
export const staffCustomerSelect = { user: { select: { email: true } }, guestContact: { select: guestEmailSelect } } as const;

/**
 * Who placed an order as staff see it: the account's email or the guest's,
 * masked (a reveal is its own audited step), "—" when neither is left.
 */
export function staffCustomerLabel(row: { user: { email: string } | null; guestContact: { orderId: string; email: string } | null }): string {
  if (row.user) return maskEmail(row.user.email);
  const guestEmail = row.guestContact && openGuestEmail(row.guestContact);
  return guestEmail ? `Guest · ${maskEmail(guestEmail)}` : "—";
}
