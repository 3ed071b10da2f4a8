import "server-only";
import { db } from "@/lib/db";

/** A guest cart lives as long as its cookie (30 days since its last change); after that nobody can reach it. */
export const GUEST_CART_RETENTION_DAYS = 30;

/** Deletes guest carts untouched for longer than their cookie lives (customers' carts stay). Returns how many. */
export async function sweepStaleGuestCarts(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - GUEST_CART_RETENTION_DAYS * 86_400_000);
  const { count } = await db.cart.deleteMany({ where: { userId: null, updatedAt: { lt: cutoff } } });
  return count;
}
