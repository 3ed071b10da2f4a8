import "server-only";
import OAuth2Server from "@node-oauth/oauth2-server";
import type { RequestContext } from "@/lib/context/request-context";
import { ACCESS_TOKEN_SECONDS, AUTHORIZATION_CODE_SECONDS } from "./client";
import { createOAuthModel } from "./model";

/**
 * The authorization server for the shop's app (@node-oauth/oauth2-server):
 * a public client, so no client secret, PKCE with S256 only (the library
 * refuses "plain" unless enabled), and a new refresh token on every refresh.
 */
export function oauthServer(context: RequestContext): OAuth2Server {
  return new OAuth2Server({
    model: createOAuthModel(context),
    accessTokenLifetime: ACCESS_TOKEN_SECONDS,
    authorizationCodeLifetime: AUTHORIZATION_CODE_SECONDS,
    requireClientAuthentication: { authorization_code: false, refresh_token: false },
    alwaysIssueNewRefreshToken: true,
    allowEmptyState: true,
    allowBearerTokensInQueryString: false,
  });
}

/** The library's request from a route handler's: headers, query and an already-parsed form body. */
export function toOAuthRequest(request: Request, body: Record<string, string> = {}): OAuth2Server.Request {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  // The library asks type-is whether a body exists, which needs a length; the body was already read and capped.
  if (Object.keys(body).length > 0) headers["content-length"] = String(Buffer.byteLength(new URLSearchParams(body).toString()));
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return new OAuth2Server.Request({ method: request.method, headers, query, body });
}

/** A fresh library response to fill. */
export function newOAuthResponse(): OAuth2Server.Response {
  return new OAuth2Server.Response({ headers: {} });
}
