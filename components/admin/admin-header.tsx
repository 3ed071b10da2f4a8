"use client";

import Link from "next/link";
import { SignOutButton } from "@/components/forms/sign-out-button";
import { useShopper } from "@/components/shopper/shopper-provider";

const linkClass = "inline-flex min-h-11 items-center rounded px-3 font-medium text-white hover:underline";

/**
 * The admin's own header: a dark bar, so staff always know they are in the
 * back office and not looking at the shop as a customer sees it. No search,
 * cart or category navigation; a way to the storefront and out.
 */
export function AdminHeader({ shopName }: { shopName: string }) {
  const signedIn = useShopper().summary?.signedIn ?? false;
  return (
    <header className="bg-neutral-900 text-white print:hidden">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-2 sm:px-6">
        <Link href="/admin" className="inline-flex min-h-11 items-center text-lg font-bold text-white no-underline">
          {shopName} · Admin
        </Link>
        <nav aria-label="Back office" className="ml-auto flex items-center">
          <Link href="/" className={linkClass}>
            View shop
          </Link>
          {signedIn && (
            <SignOutButton className={linkClass} />
          )}
        </nav>
      </div>
    </header>
  );
}
