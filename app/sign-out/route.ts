import { cookies, headers } from "next/headers";
import { baseCookieOptions, cookieNames } from "@/lib/auth/session/cookies";
import { requestContext } from "@/lib/auth/request-context";
import { revokeSessionByToken } from "@/lib/dal/sessions/sessions";
import { env } from "@/lib/env";
import { checkRouteCsrf } from "@/lib/auth/csrf/request-csrf";
import { isSameOriginRequest } from "@/lib/http/same-origin";

/**
 * Sign-out: ends the session on the server, deletes the session's cookies and
 * asks the browser to clear this site's cache and storage (ASVS V14.3.1).
 * The device cookies stay: they carry no session, and they are what lets this
 * browser sign in while others' guesses have the account locked
 * (lib/auth/device-cookie.ts). POST only, same-origin only, with the
 * session's anti-CSRF token (so another site cannot sign the visitor out).
 */
export async function POST(request: Request) {
  const requestHeaders = await headers();
  if (!isSameOriginRequest(requestHeaders)) return new Response("Cross-site request refused", { status: 403 });
  if (!(await checkRouteCsrf(request)).ok) return new Response("This form has expired: reload the page and sign out again.", { status: 403 });
  const jar = await cookies();
  const token = jar.get(cookieNames.session)?.value;
  if (token) await revokeSessionByToken(token, requestContext(requestHeaders));
  // With the cookies' own attributes: a __Host- cookie is only replaced by a Secure one with Path=/.
  for (const name of [cookieNames.session, cookieNames.csrf, cookieNames.callbackUrl, cookieNames.cart]) {
    jar.delete({ name, ...baseCookieOptions });
  }
  return new Response(null, {
    status: 303,
    headers: {
      location: `${env.SITE_URL}/sign-in?notice=signed-out`,
      "clear-site-data": '"cache", "storage"',
      "cache-control": "no-store",
    },
  });
}
