import "server-only";
import { isBearerApiPath } from "@/lib/http/bearer-api-paths";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Endpoints other servers call, authenticated otherwise: the payment
 * provider's webhook (signed body), and next-auth's own routes (their own
 * double-submit token; its credentials callback is also called by scripts).
 * The app's bearer API is exempt too (lib/http/bearer-api-paths.ts).
 */
const OTHER_AUTHENTICATION = [/^\/api\/webhooks\/stripe\/?$/, /^\/api\/auth\//];

/**
 * Whether a request must be refused as cross-site before any handler or
 * server action sees it (OWASP CSRF cheat sheet, "Fetch Metadata" and
 * "Verifying Origin"): for an unsafe method, Sec-Fetch-Site, when sent, must be
 * "same-origin", Origin, when sent, must be the shop's own, and a request
 * carrying neither is refused (every browser sends at least one on a POST).
 * Next's own check of server actions lets a request without Origin through and
 * answers a foreign one with a 500; this answers both with a 403.
 */
export function isRefusedCrossSite(method: string, pathname: string, headers: Headers, siteOrigin: string): boolean {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return false;
  if (OTHER_AUTHENTICATION.some((pattern) => pattern.test(pathname)) || isBearerApiPath(pathname)) return false;
  const fetchSite = headers.get("sec-fetch-site");
  const origin = headers.get("origin");
  if (fetchSite === null && origin === null) return true;
  if (fetchSite !== null && fetchSite !== "same-origin") return true;
  return origin !== null && origin !== siteOrigin;
}
