import "server-only";
import OAuth2Server from "@node-oauth/oauth2-server";
import { generateToken } from "@/lib/crypto/tokens";
import { type AuthorizationCodeGrant, consumeAuthorizationCode, findAuthorizationCode, saveAuthorizationCode } from "@/lib/dal/oauth/authorization-codes";
import { continueAppSession, findRefreshGrant, openAppSession, type RefreshGrant, rotateRefreshToken } from "@/lib/dal/oauth/token-families";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { sessionLifetimes } from "@/lib/auth/session/lifetimes";
import type { RequestContext } from "@/lib/context/request-context";
import { findClient, isRegisteredRedirectUri } from "./client";

/**
 * What travels through the library as its "user": at /oauth/authorize the
 * approving browser session; at the token endpoint the code's grant or the
 * refresh token's family, so saveToken knows whether to open a session or
 * continue one.
 */
export type OAuthUser = { id: string; viewer?: ActiveSession; code?: AuthorizationCodeGrant; refresh?: RefreshGrant };

const S256 = "S256";

/**
 * The storage model of @node-oauth/oauth2-server (authorization code + PKCE and
 * refresh token grants) over the data access layer. One per request: security
 * events record the request's address and user agent.
 */
export function createOAuthModel(context: RequestContext): OAuth2Server.AuthorizationCodeModel & OAuth2Server.RefreshTokenModel {
  const clientOf = (clientId: string) => {
    const client = findClient(clientId);
    return client ? { ...client } : null;
  };
  return {
    getClient: async (clientId) => clientOf(clientId),
    validateRedirectUri: async (redirectUri, client) => {
      const registered = findClient(client.id);
      return registered !== null && isRegisteredRedirectUri(registered, redirectUri);
    },
    // No scopes: the app acts for the customer as the web shop does. A requested scope is refused.
    validateScope: async (_user, _client, scope) => (scope && scope.length > 0 ? false : []),
    generateAuthorizationCode: async () => generateToken(),
    generateAccessToken: async () => generateToken(),
    generateRefreshToken: async () => generateToken(),

    saveAuthorizationCode: async (code, client, user) => {
      const viewer = (user as OAuthUser).viewer;
      // PKCE is required and S256 only (OAuth 2.1 §4.1.1); the route checks first, this holds the line.
      if (!viewer || !code.codeChallenge || code.codeChallengeMethod !== S256) {
        throw new OAuth2Server.InvalidRequestError("Invalid request: `code_challenge` with method S256 is required");
      }
      await saveAuthorizationCode(viewer, {
        code: code.authorizationCode,
        clientId: client.id,
        redirectUri: code.redirectUri,
        codeChallenge: code.codeChallenge,
        expiresAt: code.expiresAt,
      });
      return { ...code, client, user };
    },
    getAuthorizationCode: async (authorizationCode) => {
      const grant = await findAuthorizationCode(authorizationCode, context);
      const client = grant ? clientOf(grant.clientId) : null;
      if (!grant || !client) return null;
      const user: OAuthUser = { id: grant.userId, code: grant };
      return {
        authorizationCode,
        expiresAt: grant.expiresAt,
        redirectUri: grant.redirectUri,
        codeChallenge: grant.codeChallenge,
        codeChallengeMethod: S256,
        client,
        user,
      };
    },
    revokeAuthorizationCode: async (code) => {
      const grant = (code.user as OAuthUser).code;
      return grant ? consumeAuthorizationCode(grant.codeId) : false;
    },

    getRefreshToken: async (refreshToken) => {
      const grant = await findRefreshGrant(refreshToken, context);
      const client = grant ? clientOf(grant.clientId) : null;
      if (!grant || !client) return null;
      const user: OAuthUser = { id: grant.userId, refresh: grant };
      return { refreshToken, refreshTokenExpiresAt: grant.expiresAt, client, user };
    },
    revokeToken: async (token) => {
      const grant = (token.user as OAuthUser).refresh;
      return grant ? rotateRefreshToken(grant, context) : false;
    },

    saveToken: async (token, client, user) => {
      const { code, refresh } = user as OAuthUser;
      if (!token.refreshToken || !token.accessTokenExpiresAt) throw new OAuth2Server.ServerError("Server error: tokens incomplete");
      const issued = { accessToken: token.accessToken, accessTokenExpiresAt: token.accessTokenExpiresAt, refreshToken: token.refreshToken };
      let refreshTokenExpiresAt: Date;
      if (code) refreshTokenExpiresAt = await openAppSession(code, issued, context);
      else if (refresh) refreshTokenExpiresAt = await continueAppSession(refresh, issued, sessionLifetimes("customer", true).idleMs);
      else throw new OAuth2Server.ServerError("Server error: no grant to save tokens for");
      return { ...token, refreshTokenExpiresAt, client, user: { id: user.id } };
    },
    // Required by the library's types; API requests are checked by lib/oauth/bearer.ts, not by the library.
    getAccessToken: async () => null,
  };
}
