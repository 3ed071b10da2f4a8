import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import type { RequestContext } from "@/lib/context/request-context";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { signedInViewer } from "@/lib/dal/sessions/test-fixtures";
import { handleAuthorize } from "./authorize";
import { handleTokenRequest } from "./token-endpoint";

/** A PKCE pair as an app makes it (RFC 7636 §4.1-4.2): a random verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** The registered client and its first redirect URI. */
export const testClient = () => ({ clientId: env.MOBILE_CLIENT_ID, redirectUri: env.MOBILE_REDIRECT_URIS[0] ?? "" });

/** An /oauth/authorize URL with the given parameters (undefined ones left out). */
export function authorizeUrl(params: Record<string, string | undefined>, origin = env.SITE_URL): string {
  const url = new URL("/oauth/authorize", origin);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** A form POST as the app sends it to the token or revocation endpoint. */
export function formRequest(path: string, form: Record<string, string>, origin = env.SITE_URL): Request {
  return new Request(new URL(path, origin), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "ShopApp/1.0 (vitest)" },
    body: new URLSearchParams(form).toString(),
  });
}

export type TokenResponse = { access_token: string; refresh_token: string; token_type: string; expires_in: number };

/**
 * An app sign-in as the app does it, for a user who is signed in in the
 * browser: authorize (PKCE S256) → redirect with a code → token exchange.
 */
export async function appSignIn(userId: string, context: RequestContext): Promise<{ viewer: ActiveSession; tokens: TokenResponse }> {
  const viewer = await signedInViewer(userId, context);
  const { clientId, redirectUri } = testClient();
  const { verifier, challenge } = pkcePair();
  const authorized = await handleAuthorize(
    new Request(authorizeUrl({ response_type: "code", client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: "S256" })),
    viewer,
  );
  const code = new URL(authorized.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const response = await handleTokenRequest(
    formRequest("/oauth/token", { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: redirectUri, client_id: clientId }),
  );
  if (response.status !== 200) throw new Error(await response.text());
  return { viewer, tokens: (await response.json()) as TokenResponse };
}
