import "server-only";
import { hashToken, isWellFormedToken } from "@/lib/crypto/tokens";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";

/**
 * Who is asking for a cart: the request's signed-in session, if any, and the
 * guest cart cookie, if any. The cookie holds a random token; only its SHA-256
 * is stored, so a copy of the database cannot be replayed as someone's cart.
 */
export type Shopper = { session: ActiveSession | null; guestToken: string | null };

/** Whose cart a request reaches: staff shop with no cart (their sessions are for running the shop). */
export type CartOwner =
  | { kind: "customer"; userId: string; guestTokenHash: string | null }
  | { kind: "guest"; tokenHash: string }
  | { kind: "staff" }
  | { kind: "nobody" };

export type ShoppingOwner = Extract<CartOwner, { kind: "customer" | "guest" }>;

/** The guard of every cart function: a malformed cookie is no cookie, a session owing its second factor is no session. */
export function cartOwner({ session, guestToken }: Shopper): CartOwner {
  const tokenHash = guestToken && isWellFormedToken(guestToken) ? hashToken(guestToken) : null;
  if (session && !session.secondFactorPending) {
    if (session.audience !== "customer") return { kind: "staff" };
    return { kind: "customer", userId: session.userId, guestTokenHash: tokenHash };
  }
  return tokenHash ? { kind: "guest", tokenHash } : { kind: "nobody" };
}

/**
 * The owner's cart id, its row locked until the transaction ends: changes to
 * one cart queue up, so two quick "Add" clicks add twice instead of one
 * overwriting the other's count. Guest carts are matched with `userId IS NULL`,
 * so a token can never reach an account's cart.
 */
export async function lockOwnCart(tx: Prisma.TransactionClient, owner: ShoppingOwner): Promise<string | null> {
  const rows =
    owner.kind === "customer"
      ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Cart" WHERE "userId" = ${owner.userId} FOR UPDATE`
      : await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "Cart" WHERE "tokenHash" = ${owner.tokenHash} AND "userId" IS NULL FOR UPDATE`;
  return rows[0]?.id ?? null;
}

/**
 * Creates the customer's cart unless it exists. INSERT … ON CONFLICT DO
 * NOTHING: two first requests racing both end up with the one row.
 */
export async function ensureCustomerCart(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.cart.createMany({ data: [{ userId }], skipDuplicates: true });
}
