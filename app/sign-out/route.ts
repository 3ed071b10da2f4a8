import { cookies, headers } from "next/headers";
import { cookieNames } from "@/lib/auth/session/cookies";
import { requestContext } from "@/lib/auth/request-context";
import { revokeSessionByToken } from "@/lib/dal/sessions";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/http/same-origin";

/**
 * Sign-out: ends the session on the server, deletes the cookie and asks the
 * browser to clear this site's data (ASVS V14.3.1). POST only, same-origin only.
 */
export async function POST() {
  const requestHeaders = await headers();
  if (!isSameOriginRequest(requestHeaders)) return new Response("Cross-site request refused", { status: 403 });
  const jar = await cookies();
  const token = jar.get(cookieNames.session)?.value;
  if (token) await revokeSessionByToken(token, requestContext(requestHeaders));
  jar.delete(cookieNames.session);
  return new Response(null, {
    status: 303,
    headers: {
      location: `${env.SITE_URL}/sign-in?notice=signed-out`,
      "clear-site-data": '"cache", "cookies", "storage"',
      "cache-control": "no-store",
    },
  });
}
