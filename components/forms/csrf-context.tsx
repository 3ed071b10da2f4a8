"use client";

import { createContext, type ReactNode } from "react";

/** The anti-CSRF token the page was rendered with, and the cookie that holds the current one. */
export type CsrfTokenSource = { token: string; cookieName: string };

export const CsrfTokenContext = createContext<CsrfTokenSource>({ token: "", cookieName: "" });

/** Hands the server-read token to every form field below it. */
export function CsrfTokenProvider({ source, children }: { source: CsrfTokenSource; children: ReactNode }) {
  return <CsrfTokenContext.Provider value={source}>{children}</CsrfTokenContext.Provider>;
}
