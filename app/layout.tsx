import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { CsrfTokenProvider } from "@/components/forms/csrf-context";
import { SiteFooter } from "@/components/site-footer";
import { LockdownBanner } from "@/components/lockdown-banner";
import { SiteHeader } from "@/components/site-header";
import { getLockdownStatus, LOCKDOWN_MESSAGE } from "@/lib/dal/lockdown/state";
import { cartItemCount } from "@/lib/dal/cart/cart";
import { env } from "@/lib/env";
import { currentShopper } from "@/lib/guards/current-shopper";
import { getCurrentSession } from "@/lib/guards/current-session";
import { csrfCookies } from "@/lib/auth/csrf/csrf-cookies";
import { currentCsrfToken } from "@/lib/auth/csrf/request-csrf";
import { SHOP_DESCRIPTION, site } from "@/lib/seo/site";
import "./globals.css";

export const metadata: Metadata = {
  // Relative URLs in any page's metadata (canonical, Open Graph images) resolve against the
  // configured origin, never the request's Host header.
  metadataBase: new URL(site.url),
  title: { default: env.SHOP_NAME, template: `%s · ${env.SHOP_NAME}` },
  description: SHOP_DESCRIPTION,
  openGraph: { type: "website", siteName: site.name },
};

// Every page renders per request: each response carries its own CSP nonce,
// which Next stamps on its scripts while rendering.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The header shows who is signed in and the cart size; components render what the layout hands them.
  const signedIn = (await getCurrentSession()) !== null;
  const cartCount = await cartItemCount(await currentShopper());
  // Lockdown mode (incident response): read with a few seconds' cache, so every instance shows it soon.
  const lockdown = await getLockdownStatus();
  // The anti-CSRF token proxy.ts issued for this request, for every <CsrfField /> on the page
  // (forms are client components, so the field reads it from context).
  const csrf = { token: await currentCsrfToken(), cookieName: csrfCookies.token };
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        <CsrfTokenProvider source={csrf}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          {lockdown.active && <LockdownBanner message={LOCKDOWN_MESSAGE} />}
          <SiteHeader shopName={env.SHOP_NAME} signedIn={signedIn} cartCount={cartCount} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
            {children}
          </main>
          <SiteFooter shopName={env.SHOP_NAME} />
        </CsrfTokenProvider>
      </body>
    </html>
  );
}
