import Link from "next/link";
import { shopConfig } from "@/shop.config";
import { CategoryMenu } from "./header/category-menu";
import { HeaderAccountLinks } from "./shopper/header-account-links";
import { SearchForm } from "./search-form";

/**
 * The site header: shop name, search, the visitor's account and cart links (an
 * island: components/shopper) and the category navigation. The same for every
 * visitor, so it belongs in the shared catalog pages.
 */
export function SiteHeader({ shopName, categories }: { shopName: string; categories: { slug: string; name: string }[] }) {
  return (
    <header className="border-b border-neutral-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="inline-flex min-h-11 items-center gap-2 text-lg font-bold text-neutral-900 no-underline">
          {/* Decorative: the name beside it is the link's text. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- a small SVG needs no image optimisation */}
          <img src={shopConfig.logo} alt="" width={32} height={32} />
          {shopName}
        </Link>
        <div className="order-3 w-full sm:order-2 sm:w-auto sm:flex-1">
          <SearchForm />
        </div>
        <HeaderAccountLinks />
      </div>
      <div className="mx-auto max-w-6xl px-4 pb-2 sm:px-6">
        <CategoryMenu categories={categories} />
      </div>
    </header>
  );
}
