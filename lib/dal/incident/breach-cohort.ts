import "server-only";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import type { Prisma } from "@/lib/generated/prisma/client";
import { guestEmailSelect, openGuestEmail } from "@/lib/dal/orders/guest-contact";

/** Who a breach notice goes to. A list may name addresses without an account (guests). */
export type BreachCohort = { kind: "all_customers" } | { kind: "customers_with_orders"; from: Date; to: Date } | { kind: "list"; emails: string[] };

export const BREACH_COHORT_LABELS = {
  all_customers: "All customers",
  customers_with_orders: "Customers with orders in a time window (guests included)",
  list: "These addresses",
} as const;

export type Recipient = { email: string; name: string; userId: string | null };

/** Erased accounts keep a row with a placeholder address that must never be written to. */
const ERASED_DOMAIN = "@deleted.invalid";

/**
 * The recipients of a cohort, one per address: customer accounts (not erased),
 * the guests who ordered in the window (their encrypted contact decrypted
 * here), or the listed addresses (named from their account when there is one).
 */
export async function breachRecipients(tx: Prisma.TransactionClient, cohort: BreachCohort): Promise<Recipient[]> {
  const byEmail = new Map<string, Recipient>();
  const add = (recipient: Recipient) => {
    const email = normalizeEmail(recipient.email);
    if (!email.endsWith(ERASED_DOMAIN) && !byEmail.has(email)) byEmail.set(email, { ...recipient, email });
  };
  const accountSelect = { id: true, email: true, name: true } as const;
  const fromAccount = (user: { id: string; email: string; name: string }) => add({ email: user.email, name: user.name, userId: user.id });
  if (cohort.kind === "all_customers") {
    (await tx.user.findMany({ where: { kind: "customer" }, select: accountSelect, orderBy: { id: "asc" } })).forEach(fromAccount);
  } else if (cohort.kind === "customers_with_orders") {
    const placed = { createdAt: { gte: cohort.from, lt: cohort.to } };
    (await tx.user.findMany({ where: { kind: "customer", orders: { some: placed } }, select: accountSelect, orderBy: { id: "asc" } })).forEach(fromAccount);
    const guests = await tx.order.findMany({ where: { ...placed, userId: null }, select: { guestContact: { select: guestEmailSelect } }, orderBy: { id: "asc" } });
    for (const order of guests) {
      const email = order.guestContact ? openGuestEmail(order.guestContact) : null;
      if (email) add({ email, name: "customer", userId: null });
    }
  } else {
    const emails = cohort.emails.map(normalizeEmail);
    const accounts = await tx.user.findMany({ where: { email: { in: emails } }, select: accountSelect });
    accounts.forEach(fromAccount);
    for (const email of emails) add({ email, name: "customer", userId: null });
  }
  return [...byEmail.values()];
}

/** What the audit entry and the notice row say about a cohort: never an address. */
export const breachCohortSummary = (cohort: BreachCohort) =>
  cohort.kind === "customers_with_orders"
    ? { cohort: cohort.kind, from: cohort.from.toISOString(), to: cohort.to.toISOString() }
    : cohort.kind === "list"
      ? { cohort: cohort.kind, listed: cohort.emails.length }
      : { cohort: cohort.kind };
