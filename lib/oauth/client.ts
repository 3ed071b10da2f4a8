import "server-only";
import { env } from "@/lib/env";

/** Lifetimes (OAuth 2.1 §4.1.2, §7.1): codes are redeemed at once; access tokens are short, refresh tokens rotate. */
export const AUTHORIZATION_CODE_SECONDS = 60;
export const ACCESS_TOKEN_SECONDS = 600;

/** The shop's own app: a public client (no secret), authorization code with PKCE and refresh tokens only. */
export type OAuthClient = { id: string; redirectUris: string[]; grants: string[] };

/** The one registered client, from MOBILE_CLIENT_ID and MOBILE_REDIRECT_URIS; null for any other id. */
export function findClient(clientId: string): OAuthClient | null {
  if (clientId !== env.MOBILE_CLIENT_ID) return null;
  return { id: env.MOBILE_CLIENT_ID, redirectUris: [...env.MOBILE_REDIRECT_URIS], grants: ["authorization_code", "refresh_token"] };
}

/** Exact string match (OAuth 2.1 §2.3.1): no prefix, no normalisation, no wildcard. */
export function isRegisteredRedirectUri(client: OAuthClient, redirectUri: string): boolean {
  return client.redirectUris.includes(redirectUri);
}
