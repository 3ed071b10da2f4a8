import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { CsrfRoot } from "@/components/forms/csrf-root";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: env.SHOP_NAME, template: `%s · ${env.SHOP_NAME}` },
  description: "Everyday goods, delivered. A secure open-source storefront.",
};

// Every page renders per request: each response carries its own CSP nonce,
// which Next stamps on its scripts while rendering.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        <CsrfRoot>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          <SiteHeader shopName={env.SHOP_NAME} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
            {children}
          </main>
          <SiteFooter shopName={env.SHOP_NAME} />
        </CsrfRoot>
      </body>
    </html>
  );
}
