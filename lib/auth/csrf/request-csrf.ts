import "server-only";
import { cookies, headers } from "next/headers";
import { logger } from "@/lib/log/logger";
import { csrfCookies, csrfCookiesToIssue, isCsrfTokenAccepted } from "./csrf-cookies";
import { CSRF_FIELD, CSRF_HEADER } from "./csrf-names";

/**
 * Checks the anti-CSRF token a form (field `csrf_token`) or a fetch (header
 * `x-csrf-token`) sent with the current request. A refusal is logged, never
 * with the token.
 */
export async function hasValidCsrfToken(submitted: FormData | Headers | null): Promise<boolean> {
  const value = submitted instanceof Headers ? submitted.get(CSRF_HEADER) : submitted?.get(CSRF_FIELD);
  const accepted = isCsrfTokenAccepted(await cookies(), typeof value === "string" ? value : null);
  if (!accepted) logger.warn({ event: "csrf.refused" }, "a state-changing request without a valid anti-CSRF token was refused");
  return accepted;
}

/**
 * A form from one of the catalog's shared pages, which carry no token (they are
 * the same HTML for everyone), posted without JavaScript before anything could
 * fill one in: accepted when the browser itself states that the post comes from
 * this origin (Sec-Fetch-Site, which no page can set; OWASP CSRF cheat sheet,
 * "Fetch Metadata"). proxy.ts has already refused every cross-site post. A form
 * that carries a token is judged by it, never by this.
 */
export async function isTokenlessSameOriginForm(submitted: FormData): Promise<boolean> {
  const value = submitted.get(CSRF_FIELD);
  if (typeof value === "string" && value !== "") return false;
  return (await headers()).get("sec-fetch-site") === "same-origin";
}

/**
 * The token forms on the page being rendered should carry (the proxy has
 * issued it on this request), or "" when none could be issued.
 */
export async function currentCsrfToken(): Promise<string> {
  const jar = await cookies();
  return jar.get(csrfCookies.token)?.value ?? "";
}

/**
 * After an action changed the session (signed in, out or rotated it), issues
 * the token for the new session, so the page it returns to posts a valid one.
 * Only where cookies may be set (server actions, route handlers).
 */
export async function reissueCsrfCookies(): Promise<void> {
  const jar = await cookies();
  for (const cookie of csrfCookiesToIssue(jar)) jar.set(cookie.name, cookie.value, cookie.options);
}

/**
 * For state-changing route handlers: the token from the `x-csrf-token` header
 * (fetch) or, for a form post, the `csrf_token` field, checked like an action's.
 * Reads the body of a form post; the handler gets the parsed form back.
 */
export async function checkRouteCsrf(request: Request): Promise<{ ok: boolean; form: FormData | null }> {
  if (request.headers.get(CSRF_HEADER)) return { ok: await hasValidCsrfToken(request.headers), form: null };
  const type = request.headers.get("content-type") ?? "";
  const isForm = type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
  const form = isForm ? await request.formData().catch(() => null) : null;
  return { ok: await hasValidCsrfToken(form), form };
}
