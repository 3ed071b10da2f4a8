import "server-only";
import { env } from "@/lib/env";

/**
 * CSRF defence for state-changing route handlers (ASVS V3.5.1, OWASP CSRF
 * cheat sheet): browsers send Sec-Fetch-Site on every request, and Origin on
 * every POST. A request is accepted only when Sec-Fetch-Site says same-origin,
 * or, from older browsers, when Origin is this shop's own origin. A request with
 * neither header is refused. (Server Actions get Next's built-in Origin check.)
 */
export function isSameOriginRequest(headers: Headers, allowedOrigin = new URL(env.SITE_URL).origin): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  const origin = headers.get("origin");
  return origin !== null && origin === allowedOrigin;
}
