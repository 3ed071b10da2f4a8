import "server-only";
import OAuth2Server from "@node-oauth/oauth2-server";
import { readFormBody } from "@/lib/api/form-body";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { requestContext } from "@/lib/auth/request-context";
import { oauthServer, newOAuthResponse, toOAuthRequest } from "./server";
import { oauthBadFormResponse, oauthErrorResponse, oauthThrottledResponse, oauthTokenResponse } from "./responses";

/**
 * The token endpoint (RFC 6749 §3.2, OAuth 2.1): `authorization_code` with the
 * PKCE verifier, or `refresh_token`, for the public client MOBILE_CLIENT_ID.
 * Cookies play no part; the body is a small form; attempts are throttled per address.
 */
export async function handleTokenRequest(request: Request): Promise<Response> {
  const context = requestContext(request.headers);
  const decision = await limitAction("oauthTokenByIp", context.ip);
  if (!decision.allowed) return oauthThrottledResponse(decision);
  const form = await readFormBody(request);
  if (!form.ok) return oauthBadFormResponse(form.reason);
  const response = newOAuthResponse();
  try {
    await oauthServer(context).token(toOAuthRequest(request, form.body), response);
  } catch (error) {
    if (error instanceof OAuth2Server.OAuthError) return oauthErrorResponse(error);
    throw error;
  }
  return oauthTokenResponse(response.body);
}
