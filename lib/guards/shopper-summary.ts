import "server-only";
import { csrfCookies } from "@/lib/auth/csrf/csrf-cookies";
import { currentCsrfToken } from "@/lib/auth/csrf/request-csrf";
import { cartItemCount } from "@/lib/dal/cart/cart";
import { getLockdownStatus, LOCKDOWN_MESSAGE } from "@/lib/dal/lockdown/state";
import { currentShopper } from "./current-shopper";

/**
 * What a page shows of the visitor beside its content: the header's sign-in
 * state and cart count, the anti-CSRF token its forms carry, and the lockdown
 * notice. Personal pages render it with the page; the catalog's shared pages
 * fetch it from /api/shopper after loading (components/shopper), so nothing of
 * one visitor is ever in a page another is sent.
 */
export type ShopperSummary = {
  signedIn: boolean;
  staff: boolean;
  cartCount: number;
  csrf: { token: string; cookieName: string };
  lockdownMessage: string | null;
};

export async function shopperSummary(): Promise<ShopperSummary> {
  const shopper = await currentShopper();
  // Lockdown mode (incident response): read with a few seconds' cache, so every instance shows it soon.
  const [cartCount, lockdown, token] = await Promise.all([cartItemCount(shopper), getLockdownStatus(), currentCsrfToken()]);
  return {
    signedIn: shopper.session !== null,
    staff: shopper.session?.audience === "staff",
    cartCount,
    csrf: { token, cookieName: csrfCookies.token },
    lockdownMessage: lockdown.active ? LOCKDOWN_MESSAGE : null,
  };
}
