import Link from "next/link";
import { HeaderAccountLinks } from "./shopper/header-account-links";
import { SearchForm } from "./search-form";

/** The site header: shop name, search, and the visitor's account and cart links (an island: components/shopper). */
export function SiteHeader({ shopName }: { shopName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold text-slate-900 no-underline">
          {shopName}
        </Link>
        <div className="order-3 w-full sm:order-2 sm:w-auto sm:flex-1">
          <SearchForm />
        </div>
        <HeaderAccountLinks />
      </div>
    </header>
  );
}
