import "server-only";
import { cookies } from "next/headers";
import { baseCookieOptions, CART_COOKIE_MAX_AGE_SECONDS, cookieNames } from "@/lib/auth/session/cookies";
import type { Shopper } from "@/lib/dal/cart/cart";

/**
 * Brings the cart cookie in line after a successful cart change. Only server
 * actions and route handlers may call it (pages cannot set cookies), which is
 * why a stale cookie must stay harmless everywhere else.
 *
 * - A guest keeps their cookie (a new token when the change made a new cart),
 *   renewed for another month at each change.
 * - A customer's guest cart has been merged by now, so the cookie goes.
 */
export async function syncGuestCartCookie(shopper: Shopper, newGuestToken: string | null): Promise<void> {
  const jar = await cookies();
  if (shopper.session) {
    if (shopper.session.audience === "customer" && jar.has(cookieNames.cart)) {
      // Expired with the same attributes it was set with: a __Host- cookie is only replaced by a Secure one.
      jar.set(cookieNames.cart, "", { ...baseCookieOptions, maxAge: 0 });
    }
    return;
  }
  const token = newGuestToken ?? shopper.guestToken;
  if (token) jar.set(cookieNames.cart, token, { ...baseCookieOptions, maxAge: CART_COOKIE_MAX_AGE_SECONDS });
}
