import "server-only";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { blindIndex } from "@/lib/crypto/blind-index";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The blind-index purpose of a guest order's email: its own domain, matched against nothing else. */
const GUEST_EMAIL_PURPOSE = "guest-order-email";

/**
 * The keyed index (HMAC, BLIND_INDEX_KEY) of an email as a guest order stores
 * it: normalised as accounts store theirs, so "Ann@Example.com " at checkout
 * and "ann@example.com" at sign-up meet.
 */
export function guestOrderEmailIndex(email: string): string {
  return blindIndex(normalizeEmail(email), GUEST_EMAIL_PURPOSE);
}

/**
 * Attaches the guest orders placed with `email` to account `userId`, in the
 * transaction that has just proven the account owns that address (a mailed
 * verification link, never the address typed into a guest checkout or a
 * sign-up form). The guest contact rows go: the account's address now stands
 * for them. Returns how many orders joined the account.
 */
export async function attachGuestOrders(tx: Prisma.TransactionClient, userId: string, email: string): Promise<number> {
  const emailIndex = guestOrderEmailIndex(email);
  const guestOrders = { userId: null, guestContact: { is: { emailIndex } } } satisfies Prisma.OrderWhereInput;
  const { count } = await tx.order.updateMany({ where: guestOrders, data: { userId } });
  if (count > 0) await tx.guestOrderContact.deleteMany({ where: { emailIndex, order: { userId } } });
  return count;
}
