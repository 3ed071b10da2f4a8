import "server-only";
import { env } from "@/lib/env";

/**
 * CSRF defence for state-changing route handlers (ASVS V3.5.1, OWASP CSRF
 * cheat sheet): browsers send Sec-Fetch-Site on every request, and Origin on
 * every POST. A request is accepted only when Sec-Fetch-Site says same-origin,
 * or, from older browsers, when Origin is this shop's own origin. A request with
 * neither header is refused. (proxy.ts applies the same rule to every unsafe
 * request first; state-changing routes also check the anti-CSRF token.)
 */
export function isSameOriginRequest(headers: Headers, allowedOrigin = new URL(env.SITE_URL).origin): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  const origin = headers.get("origin");
  return origin !== null && origin === allowedOrigin;
}

/**
 * For GET routes that hand out data (exports): refuses a request another site
 * started (a link, an image or a form on another origin), so it cannot make a
 * signed-in browser fetch, and log, an export. Sec-Fetch-Site "none" is a typed
 * or bookmarked URL; a browser that sends no Sec-Fetch-Site is let through
 * (SameSite cookies still hold there), as the export could not be read cross-site anyway.
 */
export function isCrossSiteRequest(headers: Headers): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  return fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none";
}

/** The answer to a refused cross-site request. */
export function crossSiteRefused(): Response {
  return new Response("Cross-site request refused", { status: 403, headers: { "cache-control": "no-store" } });
}
