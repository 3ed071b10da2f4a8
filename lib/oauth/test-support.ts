import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

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
