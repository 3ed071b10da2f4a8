"use client";

import { useContext, useSyncExternalStore } from "react";
import { CSRF_FIELD } from "@/lib/auth/csrf/csrf-names";
import { CsrfTokenContext } from "./csrf-context";

type CookieStoreLike = EventTarget;

function subscribe(onChange: () => void): () => void {
  const store = (globalThis as { cookieStore?: CookieStoreLike }).cookieStore;
  store?.addEventListener("change", onChange);
  return () => store?.removeEventListener("change", onChange);
}

function cookieValue(name: string): string | null {
  for (const part of document.cookie.split("; ")) {
    const at = part.indexOf("=");
    if (part.slice(0, at) === name) return decodeURIComponent(part.slice(at + 1));
  }
  return null;
}

/**
 * The anti-CSRF token of every state-changing form (a hidden field). The
 * server renders the token it issued with the page, so the form works
 * without JavaScript; in the browser the field follows the token cookie, which
 * changes when the session does (sign-in, sign-out) without the page
 * rendering again.
 */
export function CsrfField() {
  const { token, cookieName } = useContext(CsrfTokenContext);
  const current = useSyncExternalStore(
    subscribe,
    () => (cookieName ? cookieValue(cookieName) : null) ?? token,
    () => token,
  );
  return <input type="hidden" name={CSRF_FIELD} value={current} />;
}
