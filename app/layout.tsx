import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { LockdownNotice } from "@/components/shopper/lockdown-notice";
import { ShopperProvider } from "@/components/shopper/shopper-provider";
import { csrfCookies } from "@/lib/auth/csrf/csrf-cookies";
import { pageLanguage } from "@/lib/config/formats";
import { env } from "@/lib/env";
import { shopperSummary } from "@/lib/guards/shopper-summary";
import { isSharedRender } from "@/lib/http/page-cache/shared-render";
import { SHOP_DESCRIPTION, site } from "@/lib/seo/site";
import { brandFont } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  // Relative URLs in any page's metadata (canonical, Open Graph images) resolve against the
  // configured origin, never the request's Host header.
  metadataBase: new URL(site.url),
  title: { default: env.SHOP_NAME, template: `%s · ${env.SHOP_NAME}` },
  description: SHOP_DESCRIPTION,
  openGraph: { type: "website", siteName: site.name },
};

// Next renders every page per request: a personal page carries its own CSP nonce, which Next
// stamps on its scripts while rendering. The catalog's shared pages are rendered once by the
// HTTP server's page cache (lib/http/page-cache) and sent to everyone with a hashed policy.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Who is signed in, the cart size, the anti-CSRF token proxy.ts issued and the lockdown notice:
  // rendered into a personal page; a shared page carries none of it and its island fetches them.
  const shared = isSharedRender(await headers());
  const visitor = shared ? null : await shopperSummary();
  return (
    <html lang={pageLanguage} className={brandFont.variable}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-neutral-900 antialiased">
        <ShopperProvider initial={visitor} csrfCookieName={csrfCookies.token}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          <LockdownNotice />
          {/* Each frame (components/frames, the admin's layout) renders its header, <main id="main"> and footer. */}
          {children}
        </ShopperProvider>
      </body>
    </html>
  );
}
