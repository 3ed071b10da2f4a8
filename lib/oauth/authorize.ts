import "server-only";
import OAuth2Server from "@node-oauth/oauth2-server";
import { problemResponse } from "@/lib/api/problem";
import { requestContext } from "@/lib/auth/request-context";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { authorizeParams, authorizeParamsSchema, checkClientAndRedirect, errorRedirect, single } from "./authorize-request";
import type { OAuthUser } from "./model";
import { newOAuthResponse, oauthServer, toOAuthRequest } from "./server";

function redirectTo(location: string): Response {
  return new Response(null, { status: 302, headers: { location, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}

/**
 * The authorization endpoint for the shop's app: authorization code with PKCE
 * (S256). The customer signs in through the shop's own pages (throttling and
 * two-factor included) and comes back here; there is no consent screen for
 * the shop's own app, so a signed-in customer is sent straight back with a code.
 */
export async function handleAuthorize(request: Request, session: ActiveSession | null): Promise<Response> {
  const url = new URL(request.url);
  const checked = checkClientAndRedirect(url.searchParams);
  if (!checked.ok) return problemResponse("invalidRequest", { detail: checked.detail });
  const state = single(url.searchParams, "state");
  const parsed = authorizeParamsSchema.safeParse(authorizeParams(url.searchParams));
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "request");
    const error = field === "response_type" ? "unsupported_response_type" : field === "scope" ? "invalid_scope" : "invalid_request";
    return redirectTo(errorRedirect(checked.redirectUri, error, `Invalid or missing parameter: ${field} (PKCE with S256 is required).`, state));
  }

  const back = encodeURIComponent(`${url.pathname}${url.search}`);
  if (!session) return redirectTo(`/sign-in?callbackUrl=${back}`);
  if (session.secondFactorPending) return redirectTo(`/sign-in/two-factor?callbackUrl=${back}`);
  // The app is for customers; a staff account never gets app tokens.
  if (session.audience !== "customer") return redirectTo(errorRedirect(checked.redirectUri, "access_denied", "This account cannot use the app.", parsed.data.state));

  const response = newOAuthResponse();
  const user: OAuthUser = { id: session.userId, viewer: session };
  try {
    await oauthServer(requestContext(request.headers)).authorize(toOAuthRequest(request), response, {
      authenticateHandler: { handle: async () => user },
    });
  } catch (error) {
    if (!(error instanceof OAuth2Server.OAuthError)) throw error;
    // The library has set the error redirect to the (already checked) redirect URI.
  }
  const location = response.get("location");
  if (typeof location !== "string" || !location.startsWith(checked.redirectUri)) return problemResponse("invalidRequest");
  return redirectTo(location);
}
