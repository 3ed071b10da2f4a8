"use client";

import Link from "next/link";
import { CartLink } from "@/components/cart/cart-link";
import { SignOutButton } from "@/components/forms/sign-out-button";
import { useShopper } from "./shopper-provider";

const linkClass = "inline-flex min-h-11 items-center rounded px-3 font-medium text-brand-700 hover:underline";

/**
 * Account, sign-out and cart links from the visitor's summary. Until it is
 * known (a shared page loading, or no JavaScript) the links fit either state:
 * "Account" leads a visitor who is not signed in to the sign-in page.
 *
 * None of these links is prefetched: they lead to personal pages, which a
 * shared catalog page has no reason to fetch for every visitor who merely sees
 * the header (each prefetch is a per-visitor render on the server and work on
 * the phone's main thread while the page loads).
 */
export function HeaderAccountLinks() {
  const { summary } = useShopper();
  return (
    <nav aria-label="Account and cart" className="order-2 ml-auto flex items-center sm:order-3">
      {summary?.staff && (
        <Link href="/admin" prefetch={false} className={linkClass}>
          Admin
        </Link>
      )}
      {!summary || summary.signedIn ? (
        <Link href="/account" prefetch={false} className={linkClass}>
          Account
        </Link>
      ) : (
        <Link href="/sign-in" prefetch={false} className={linkClass}>
          Sign in
        </Link>
      )}
      {summary?.signedIn && (
        <SignOutButton className={linkClass} />
      )}
      <CartLink className={linkClass} count={summary?.cartCount ?? 0} />
    </nav>
  );
}
