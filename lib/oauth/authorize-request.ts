import "server-only";
import { z } from "zod";
import { findClient, isRegisteredRedirectUri, type OAuthClient } from "./client";

/**
 * The checks before any redirect (RFC 6749 §4.1.2.1): an unknown client or a
 * redirect URI not registered for it is answered here, never by redirecting
 * to the URI the request named.
 */
export type ClientCheck = { ok: true; client: OAuthClient; redirectUri: string } | { ok: false; detail: string };

export function checkClientAndRedirect(query: URLSearchParams): ClientCheck {
  const clientId = single(query, "client_id");
  const redirectUri = single(query, "redirect_uri");
  const client = clientId ? findClient(clientId) : null;
  if (!client) return { ok: false, detail: "Unknown client_id." };
  // OAuth 2.1 requires redirect_uri whenever more than one could be meant; this server always requires it.
  if (!redirectUri || !isRegisteredRedirectUri(client, redirectUri)) return { ok: false, detail: "redirect_uri is not registered for this client." };
  return { ok: true, client, redirectUri };
}

/** PKCE (RFC 7636) with S256 only: the challenge is BASE64URL(SHA-256(verifier)), exactly 43 characters. */
export const authorizeParamsSchema = z.object({
  response_type: z.literal("code"),
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  code_challenge_method: z.literal("S256"),
  state: z.string().regex(/^[\x21-\x7e]{1,200}$/).optional(),
  scope: z.string().max(0).optional(),
});

/** Each parameter at most once (RFC 6749 §3.1); a repeated one counts as missing. */
export function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

/** The request's parameters for the schema (repeated ones dropped, unknown ones ignored). */
export function authorizeParams(query: URLSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(["response_type", "code_challenge", "code_challenge_method", "state", "scope"].map((name) => [name, single(query, name)]));
}

/** The redirect back to the app with an error (§4.1.2.1), carrying `state` when it was well-formed. */
export function errorRedirect(redirectUri: string, error: string, description: string, state: string | undefined): string {
  const url = new URL(redirectUri);
  url.searchParams.set("error", error);
  url.searchParams.set("error_description", description);
  if (state && /^[\x21-\x7e]{1,200}$/.test(state)) url.searchParams.set("state", state);
  return url.toString();
}
