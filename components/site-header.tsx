import Link from "next/link";
import { CsrfField } from "@/components/forms/csrf-field";
import { CartLink } from "./cart/cart-link";
import { SearchForm } from "./search-form";

/** The site header: shop name, search, account links and the cart link with its item count. */
export function SiteHeader({ shopName, signedIn, cartCount }: { shopName: string; signedIn: boolean; cartCount: number }) {
  const linkClass = "inline-flex min-h-11 items-center rounded px-3 font-medium text-brand-700 hover:underline";
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold text-slate-900 no-underline">
          {shopName}
        </Link>
        <div className="order-3 w-full sm:order-2 sm:w-auto sm:flex-1">
          <SearchForm />
        </div>
        <nav aria-label="Account and cart" className="order-2 ml-auto flex items-center sm:order-3">
          {signedIn ? (
            <>
              <Link href="/account" className={linkClass}>
                Account
              </Link>
              <form action="/sign-out" method="post">
                <CsrfField />
                <button type="submit" className={linkClass}>
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/sign-in" className={linkClass}>
              Sign in
            </Link>
          )}
          <CartLink className={linkClass} count={cartCount} />
        </nav>
      </div>
    </header>
  );
}
