"use client";

import { usePathname } from "next/navigation";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";
import { CsrfTokenProvider } from "@/components/forms/csrf-context";
import type { ShopperSummary } from "@/lib/guards/shopper-summary";

type ShopperState = { summary: ShopperSummary | null; refresh: () => void };

const ShopperContext = createContext<ShopperState>({ summary: null, refresh: () => {} });

/** The visitor's sign-in state, cart count and lockdown notice; null until known (a shared page before its fetch). */
export function useShopper(): ShopperState {
  return useContext(ShopperContext);
}

async function fetchSummary(): Promise<ShopperSummary | null> {
  const response = await fetch("/api/shopper", { cache: "no-store", credentials: "same-origin" });
  return response.ok ? ((await response.json()) as ShopperSummary) : null;
}

/**
 * The visitor's island. A personal page renders the summary on the server and
 * hands it in (again whenever the server renders the layout anew, as after an
 * action that signs in or changes the cart); a shared catalog page (the same
 * HTML for everyone) hands in null and the summary is fetched from
 * /api/shopper once it has loaded. It is fetched again after every client-side
 * navigation, since the layout is not rendered again then. Forms below get the
 * anti-CSRF token from it.
 */
export function ShopperProvider({ initial, csrfCookieName, children }: { initial: ShopperSummary | null; csrfCookieName: string; children: ReactNode }) {
  const [summary, setSummary] = useState(initial);
  const pathname = usePathname();
  const refresh = useCallback(() => {
    fetchSummary()
      .then((fetched) => fetched && setSummary(fetched))
      .catch(() => {}); // the header keeps its neutral links; the next navigation tries again
  }, []);

  const rendered = useRef(initial);
  useEffect(() => {
    if (!initial || initial === rendered.current) return;
    rendered.current = initial;
    setSummary(initial);
  }, [initial]);

  const firstPath = useRef(true);
  useEffect(() => {
    const first = firstPath.current;
    firstPath.current = false;
    if (first && rendered.current) return;
    refresh();
  }, [pathname, refresh]);

  return (
    <ShopperContext.Provider value={{ summary, refresh }}>
      <CsrfTokenProvider source={summary?.csrf ?? { token: "", cookieName: csrfCookieName }}>{children}</CsrfTokenProvider>
    </ShopperContext.Provider>
  );
}
