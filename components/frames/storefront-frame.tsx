import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { env } from "@/lib/env";

/**
 * The storefront around a page: header with search, account links and the
 * category navigation, the main content, and the footer with the shop's
 * information pages. Shop and sign-in pages use it (app/storefront.tsx
 * loads its categories); the admin has its own.
 */
export function StorefrontFrame({ categories, children }: { categories: { slug: string; name: string }[]; children: ReactNode }) {
  return (
    <>
      <SiteHeader shopName={env.SHOP_NAME} categories={categories} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
      <SiteFooter shopName={env.SHOP_NAME} contactEmail={env.SHOP_CONTACT_EMAIL} />
    </>
  );
}
