import "server-only";
import OAuth2Server from "@node-oauth/oauth2-server";
import type { ThrottleDecision } from "@/lib/auth/rate-limit/decision";

const noStore = { "cache-control": "no-store", pragma: "no-cache" };

/**
 * An OAuth error as RFC 6749 §5.2 requires (`error`, `error_description`,
 * application/json, which app libraries such as AppAuth parse), carrying the
 * RFC 9457 members too (`type`, `title`, `status`) so it reads like every
 * other refusal of the API. Server errors say nothing more than that.
 */
export function oauthErrorResponse(error: OAuth2Server.OAuthError): Response {
  const status = error.code >= 500 ? 500 : error.code;
  const name = status === 500 ? "server_error" : error.name;
  const description = status === 500 ? "The server could not complete the request." : error.message;
  const body = { type: `urn:shop:problem:oauth:${name}`, title: description, status, error: name, error_description: description };
  const headers: Record<string, string> = { "content-type": "application/json", ...noStore };
  if (status === 401) headers["www-authenticate"] = 'Basic realm="oauth"';
  return new Response(JSON.stringify(body), { status, headers });
}

/** A refused attempt at the token or revocation endpoint (429, or 503 when limits cannot be checked). */
export function oauthThrottledResponse(decision: Extract<ThrottleDecision, { allowed: false }>): Response {
  const status = decision.scope === "store" ? 503 : 429;
  const name = status === 429 ? "slow_down" : "temporarily_unavailable";
  const description = status === 429 ? "Too many requests: try again later." : "Temporarily unavailable: try again later.";
  return new Response(JSON.stringify({ type: `urn:shop:problem:oauth:${name}`, title: description, status, error: name, error_description: description }), {
    status,
    headers: { "content-type": "application/json", "retry-after": String(decision.retryAfterSeconds), ...noStore },
  });
}

/** A refused form body (wrong media type, too large, repeated parameter) as an OAuth invalid_request. */
export function oauthBadFormResponse(reason: "media-type" | "too-large" | "repeated" | "missing"): Response {
  const status = reason === "too-large" ? 413 : reason === "media-type" ? 415 : 400;
  const description = {
    "media-type": "The body must be application/x-www-form-urlencoded.",
    "too-large": "The request body is too large.",
    repeated: "A parameter is repeated.",
    missing: "A required parameter is missing.",
  }[reason];
  return new Response(JSON.stringify({ type: "urn:shop:problem:oauth:invalid_request", title: description, status, error: "invalid_request", error_description: description }), {
    status,
    headers: { "content-type": "application/json", ...noStore },
  });
}

/** A successful token response (RFC 6749 §5.1), never cached. */
export function oauthTokenResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json", ...noStore } });
}
