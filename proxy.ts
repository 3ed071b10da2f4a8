import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, createNonce, FAIL_CLOSED_POLICY } from "@/lib/http/content-security-policy";
import { isSharedRender } from "@/lib/http/page-cache/shared-render";
import { csrfCookiesToIssue } from "@/lib/auth/csrf/csrf-cookies";
import { crossSiteRefusalText } from "@/lib/auth/csrf/cross-site-refusal";
import { isRefusedCrossSite } from "@/lib/auth/csrf/unsafe-request";
import { orderStatusRefusal } from "@/lib/auth/rate-limit/order-status-throttle";
import { createRequestId, REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { env } from "@/lib/env";
import { API_CONTENT_SECURITY_POLICY, isBearerApiPath } from "@/lib/http/bearer-api-paths";

/**
 * Runs before every page, route handler and server action: a fresh CSP nonce
 * and request id per request. Next reads the nonce from the *request's* CSP
 * header and stamps it on its own scripts, so the policy is set on the request
 * and the response. A cross-site request with an unsafe method is refused with
 * 403 here, and the anti-CSRF cookies are issued (on the request too, so the
 * page rendered now puts the same token in its forms). Order-status pages
 * are throttled per client address here (a page cannot answer 429).
 *
 * Authorization never lives here (a matcher can miss Server Functions); the
 * data access layer checks every call itself.
 */
export async function proxy(request: NextRequest) {
  const requestId = createRequestId();
  // Next answers a bare 500 when a dynamic segment is not valid percent-encoding; refuse it cleanly.
  if (!isWellFormedPath(request.nextUrl.pathname)) {
    return new NextResponse("Bad request", { status: 400, headers: { [REQUEST_ID_HEADER]: requestId } });
  }
  if (isRefusedCrossSite(request.method, request.nextUrl.pathname, request.headers, new URL(env.SITE_URL).origin)) {
    return new NextResponse(await crossSiteRefusalText(request), { status: 403, headers: { [REQUEST_ID_HEADER]: requestId, "cache-control": "no-store" } });
  }
  if (isBearerApiPath(request.nextUrl.pathname)) return bearerApi(request, requestId);
  const throttled = await orderStatusRefusal(request.nextUrl.pathname, request.headers);
  if (throttled) {
    throttled.headers.set(REQUEST_ID_HEADER, requestId);
    return throttled;
  }
  if (isSharedRender(request.headers)) return sharedRender(request, requestId);
  const csrfCookies = csrfCookiesToIssue(request.cookies);
  for (const cookie of csrfCookies) request.cookies.set(cookie.name, cookie.value);
  const nonce = createNonce();
  // NODE_ENV is inlined by Next at build time; lib/env.ts is server-only and cannot load in the proxy bundle.
  // eslint-disable-next-line no-restricted-properties
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const cookie of csrfCookies) response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

/**
 * The HTTP server's own render of a catalog page every visitor shares
 * (lib/http/page-cache): no nonce and no cookies. The server replaces the
 * fail-closed policy with one listing the hashes of the page's scripts.
 */
function sharedRender(request: NextRequest, requestId: string): NextResponse {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", FAIL_CLOSED_POLICY);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

/**
 * The app's bearer API (/api/v1, /oauth/token, /oauth/revoke): JSON only, so
 * no nonce, and no anti-CSRF cookies: nothing there reads or sets a cookie.
 */
function bearerApi(request: NextRequest, requestId: string): NextResponse {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", API_CONTENT_SECURITY_POLICY);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

function isWellFormedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Build output carries no scripts to protect and gets the static headers
  // from next.config.js. Nothing is skipped by its extension: a page may end in
  // ".png" (a product slug, a 404), and every HTML response carries the CSP.
  // A router prefetch (both headers set) gets an RSC payload, not HTML, and
  // needs no nonce; the shop's HTTP server sets its request id.
  matcher: [
    { source: "/((?!_next/static|_next/image).*)", missing: [{ type: "header", key: "next-router-prefetch" }] },
    { source: "/((?!_next/static|_next/image).*)", missing: [{ type: "header", key: "rsc" }] },
  ],
};
