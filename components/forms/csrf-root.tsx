import type { ReactNode } from "react";
import { csrfCookies } from "@/lib/http/csrf/csrf-cookies";
import { currentCsrfToken } from "@/lib/http/csrf/request-csrf";
import { CsrfTokenProvider } from "./csrf-context";

/**
 * Reads the anti-CSRF token proxy.ts issued for this request and hands it to
 * every <CsrfField /> on the page (forms are client components, so the field
 * reads it from context rather than from the request itself).
 */
export async function CsrfRoot({ children }: { children: ReactNode }) {
  const source = { token: await currentCsrfToken(), cookieName: csrfCookies.token };
  return <CsrfTokenProvider source={source}>{children}</CsrfTokenProvider>;
}
