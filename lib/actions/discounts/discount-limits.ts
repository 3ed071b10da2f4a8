import "server-only";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { strictest, type ThrottleDecision } from "@/lib/auth/rate-limit/decision";
import { hashToken, isWellFormedToken } from "@/lib/crypto/tokens";
import type { Shopper } from "@/lib/dal/cart/owner";

/**
 * One "Apply" of a discount code against the guessing limits: per client
 * address, and per account (signed in) or guest cart (its cookie's hash), so
 * neither many addresses nor many carts give a guesser more tries.
 */
export async function limitDiscountAttempt(shopper: Shopper, ip: string): Promise<ThrottleDecision> {
  const token = shopper.guestToken && isWellFormedToken(shopper.guestToken) ? shopper.guestToken : null;
  const cartKey = shopper.session ? `user:${shopper.session.userId}` : token ? `cart:${hashToken(token)}` : "cart:none";
  return strictest(await Promise.all([limitAction("discountCodeByIp", ip), limitAction("discountCodeByCart", cartKey)]));
}
