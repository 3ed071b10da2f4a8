import createClient from "openapi-fetch";
import type { paths } from "@/lib/api/v1/generated/openapi";

/** What /oauth/token answers (RFC 6749 §5.1). */
export type Tokens = { access_token: string; refresh_token: string; token_type: string; expires_in: number };

/**
 * The app's typed client, generated from /api/v1/openapi.json
 * (openapi-typescript + openapi-fetch): the contract tests call the API only
 * through it, so a drift between the document and the server fails them.
 * Plain fetch: no cookie jar, as in the app.
 */
export function apiClient(origin: string, accessToken: string) {
  return createClient<paths>({ baseUrl: origin, headers: { authorization: `Bearer ${accessToken}` } });
}
