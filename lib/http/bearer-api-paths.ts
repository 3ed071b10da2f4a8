/**
 * Endpoints the shop's app calls with a bearer token or an OAuth form, never
 * with cookies: /api/v1 and the token and revocation endpoints. They ignore
 * cookies entirely, so a cross-site request there carries no ambient
 * authority and the cookie CSRF checks do not apply (OWASP CSRF cheat sheet:
 * token-authenticated APIs); proxy.ts issues no cookies on them either.
 * Pure, because proxy.ts loads it.
 */
const BEARER_API_PATHS = [/^\/api\/v1(\/|$)/, /^\/oauth\/(token|revoke)\/?$/];

export function isBearerApiPath(pathname: string): boolean {
  return BEARER_API_PATHS.some((pattern) => pattern.test(pathname));
}

/** The policy for JSON answers: nothing may load, nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
