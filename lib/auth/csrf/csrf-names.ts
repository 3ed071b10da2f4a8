/** The hidden form field that carries the anti-CSRF token. */
export const CSRF_FIELD = "csrf_token";

/** The request header that carries it for fetch-based calls to route handlers. */
export const CSRF_HEADER = "x-csrf-token";

/**
 * Cookie names: over https with the `__Host-` prefix (Secure, Path=/, no
 * Domain), so a sibling subdomain cannot plant either cookie. The token cookie
 * is readable by the page's script (double submit needs no secrecy from the
 * page itself, only from other sites); the visitor id is HttpOnly.
 */
export function csrfCookieNames(secure: boolean) {
  const prefix = secure ? "__Host-" : "";
  return { token: `${prefix}shop.csrf-token`, visitor: `${prefix}shop.visitor` } as const;
}
