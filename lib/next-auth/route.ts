import "server-only";
import { NextRequest } from "next/server";
import { checkSignIn } from "@/lib/auth/rate-limit/sign-in-throttle";
import { generateToken } from "@/lib/crypto/tokens";
import { isPersistentSessionToken } from "@/lib/dal/sessions/sessions";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { clientIp } from "@/lib/http/client-ip";
import { cookieNames, DEVICE_COOKIE_MAX_AGE_SECONDS, secureCookies } from "@/lib/auth/session/cookies";
import { trustedDeviceKey } from "@/lib/auth/device-cookie";
import { type DeviceContext, withDeviceContext } from "@/lib/auth/device-context";
import { cookieFromHeader } from "@/lib/auth/request-context";

type Handler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

const MAX_BODY_BYTES = 8 * 1024;

function json(status: number, body: object, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Drops Expires/Max-Age from the session cookie: without "Remember me" it dies with the browser. */
function asBrowserSessionCookie(setCookie: string): string {
  return setCookie.replace(/;\s*(expires|max-age)=[^;]*/gi, "");
}

/**
 * Wraps next-auth's POST endpoints with what it does not do itself: refuse
 * cross-site requests (V3.5.1), refuse oversized bodies, answer 429 with
 * Retry-After while sign-in is throttled (503 when the limits cannot be
 * checked), give the browser a device id and, after a completed sign-in, a
 * signed device cookie, and make the session cookie a browser-session cookie
 * unless "Remember me".
 */
export async function handleAuthPost(request: NextRequest, context: Parameters<Handler>[1], handler: Handler) {
  if (!isSameOriginRequest(request.headers)) return json(403, { error: "Cross-site request refused" });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return json(413, { error: "Request too large" });
  }
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return json(413, { error: "Request too large" });
  const isCredentialsSignIn = request.nextUrl.pathname.endsWith("/callback/credentials");

  const cookieHeader = request.headers.get("cookie");
  if (isCredentialsSignIn) {
    const email = normalizeEmail(new URLSearchParams(body).get("email") ?? "");
    const trustedDevice = trustedDeviceKey(cookieFromHeader(cookieHeader, cookieNames.trustedDevice), email);
    const gate = await checkSignIn({ email, ip: clientIp(request.headers), trustedDevice });
    if (!gate.allowed) {
      // A store failure is not the client's doing: 503 "unavailable", never 429 "too many attempts".
      const [status, error] = gate.scope === "store" ? [503, "Unavailable"] : [429, `RateLimited:${gate.retryAfterSeconds}`];
      return json(status, { url: `${env.SITE_URL}/sign-in?error=${error}` }, { "retry-after": String(gate.retryAfterSeconds) });
    }
  }

  // A first-time browser gets its device id now; authorize() reads it from the request scope.
  const existingDeviceId = cookieFromHeader(cookieHeader, cookieNames.device);
  const newDeviceId = isCredentialsSignIn && !existingDeviceId ? generateToken() : null;
  const forwarded = new NextRequest(request.url, { method: "POST", headers: request.headers, body });
  const device: DeviceContext = { deviceId: newDeviceId ?? existingDeviceId ?? "", issuedDeviceCookie: null };
  const response = await withDeviceContext(device, () => handler(forwarded, context));
  return withSessionCookieRules(response, newDeviceId, device.issuedDeviceCookie);
}

/** The Set-Cookie line of a signed device cookie: long-lived, HttpOnly, sent only with same-site requests (sign-in). */
export function deviceCookieHeader(value: string): string {
  const secure = secureCookies ? "; Secure" : "";
  return `${cookieNames.trustedDevice}=${value}; Path=/; Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Strict${secure}`;
}

/**
 * next-auth (re)issues the session cookie with an expiry on sign-in and on
 * /api/auth/session. Only "Remember me" sessions may keep it; every other
 * session cookie becomes a browser-session cookie. Adds a new device id and a
 * newly issued signed device cookie.
 */
export async function withSessionCookieRules(
  response: Response,
  newDeviceId: string | null = null,
  issuedDeviceCookie: string | null = null,
): Promise<Response> {
  const cookies = response.headers.getSetCookie();
  if (cookies.length === 0 && !newDeviceId && !issuedDeviceCookie) return response;
  const rewritten = new Headers(response.headers);
  rewritten.delete("set-cookie");
  for (const cookie of cookies) {
    const isSession = cookie.startsWith(`${cookieNames.session}=`);
    const token = isSession ? (cookie.slice(cookieNames.session.length + 1).split(";")[0] ?? "") : "";
    // An empty value is next-auth deleting the cookie (Max-Age=0): that must stay as it is.
    const keep = !isSession || token === "" || (await isPersistentSessionToken(token));
    rewritten.append("set-cookie", keep ? cookie : asBrowserSessionCookie(cookie));
  }
  if (newDeviceId) {
    const secure = secureCookies ? "; Secure" : "";
    rewritten.append(
      "set-cookie",
      `${cookieNames.device}=${newDeviceId}; Path=/; Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`,
    );
  }
  if (issuedDeviceCookie) rewritten.append("set-cookie", deviceCookieHeader(issuedDeviceCookie));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: rewritten });
}
