import Link from "next/link";
import { SearchForm } from "./search-form";

export function SiteHeader({ shopName }: { shopName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold text-slate-900 no-underline">
          {shopName}
        </Link>
        <div className="order-3 w-full sm:order-2 sm:w-auto sm:flex-1">
          <SearchForm />
        </div>
        <nav aria-label="Account and cart" className="order-2 ml-auto sm:order-3">
          <Link
            href="/cart"
            className="inline-flex min-h-11 items-center rounded px-3 font-medium text-brand-700 hover:underline"
          >
            Cart
          </Link>
        </nav>
      </div>
    </header>
  );
}
