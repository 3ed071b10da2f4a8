import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RiskFacts, Velocity } from "@/lib/orders/fraud/score";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { guestOrderEmailIndex } from "@/lib/dal/accounts/guest-orders";
import { guestEmailSelect, openGuestEmail } from "../guest-contact";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The subjects a card-testing alert names for an order's buyer, formed as the
 * detection rule forms them (lib/security/detection/activity-rules.ts): the
 * account, and the first 16 characters of the client address's blind index.
 * Orders keep only that digest of the address, never the address or its
 * network, so "ip:" and "net:" subjects (sign-in rules) cannot be matched.
 */
export function cardTestingSubjects(order: { userId: string | null; clientAddressIndex: string | null }): string[] {
  const subjects: string[] = [];
  if (order.userId) subjects.push(`user:${order.userId}`);
  if (order.clientAddressIndex) subjects.push(`addr:${order.clientAddressIndex.slice(0, 16)}`);
  return subjects;
}

async function velocity(tx: Prisma.TransactionClient, orderId: string, where: Prisma.OrderWhereInput, now: Date): Promise<Velocity> {
  const others = { ...where, id: { not: orderId } } satisfies Prisma.OrderWhereInput;
  // One after the other: a transaction's queries share one connection.
  const lastHour = await tx.order.count({ where: { ...others, createdAt: { gt: new Date(now.getTime() - HOUR_MS), lte: now } } });
  const lastDay = await tx.order.count({ where: { ...others, createdAt: { gt: new Date(now.getTime() - DAY_MS), lte: now } } });
  return { lastHour, lastDay };
}

/**
 * Orders placed with the same email as this one, other than the account's own
 * (those are the account's velocity): guest orders with the email's blind
 * index, and, for a guest order, the orders of the account holding that email.
 */
async function emailVelocity(
  tx: Prisma.TransactionClient,
  order: { id: string; userId: string | null; user: { email: string } | null; guestContact: { orderId: string; email: string; emailIndex: string } | null },
  now: Date,
): Promise<Velocity | null> {
  const emailIndex = order.guestContact?.emailIndex ?? (order.user ? guestOrderEmailIndex(order.user.email) : null);
  if (!emailIndex) return null;
  const sameEmail: Prisma.OrderWhereInput[] = [{ guestContact: { is: { emailIndex } } }];
  const guestEmail = !order.userId && order.guestContact ? openGuestEmail(order.guestContact) : null;
  if (guestEmail) {
    const holder = await tx.user.findUnique({ where: { email: normalizeEmail(guestEmail) }, select: { id: true } });
    if (holder) sameEmail.push({ userId: holder.id });
  }
  return velocity(tx, order.id, { OR: sameEmail }, now);
}

/** Loads what the fraud score reads about an order (its row locked by the caller), as of `now`. */
export async function loadRiskFacts(tx: Prisma.TransactionClient, orderId: string, now: Date): Promise<RiskFacts> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      userId: true,
      totalMinor: true,
      shipCountry: true,
      billingCountry: true,
      riskLevel: true,
      clientAddressIndex: true,
      user: { select: { email: true, createdAt: true } },
      guestContact: { select: { ...guestEmailSelect, emailIndex: true } },
    },
  });
  const account = order.userId ? await velocity(tx, order.id, { userId: order.userId }, now) : null;
  const email = await emailVelocity(tx, order, now);
  const clientAddress = order.clientAddressIndex ? await velocity(tx, order.id, { clientAddressIndex: order.clientAddressIndex }, now) : null;
  const cardTestingAlerts = await tx.securityAlert.count({
    where: { kind: "card_testing", acknowledgedAt: null, subject: { in: cardTestingSubjects(order) } },
  });
  return {
    totalMinor: order.totalMinor,
    account,
    email,
    clientAddress,
    accountCreatedAt: order.user?.createdAt ?? null,
    shipCountry: order.shipCountry,
    billingCountry: order.billingCountry,
    processorRiskLevel: order.riskLevel,
    cardTestingAlerts,
  };
}
