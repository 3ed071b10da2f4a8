import "server-only";
import { readFormBody } from "@/lib/api/form-body";
import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { requestContext } from "@/lib/auth/request-context";
import { revokeAppToken } from "@/lib/dal/oauth/revocation";
import { findClient } from "./client";
import { oauthBadFormResponse, oauthThrottledResponse } from "./responses";

/**
 * Token revocation (RFC 7009), the app's sign-out: an access or refresh token
 * ends its whole app session. 200 whether or not the token was live (§2.2),
 * so the answer tells nothing; an unknown client_id is refused (§2.1).
 */
export async function handleRevokeRequest(request: Request): Promise<Response> {
  const context = requestContext(request.headers);
  const decision = await limitAction("oauthTokenByIp", context.ip);
  if (!decision.allowed) return oauthThrottledResponse(decision);
  const form = await readFormBody(request);
  if (!form.ok) return oauthBadFormResponse(form.reason);
  const { token, client_id: clientId } = form.body;
  const client = clientId ? findClient(clientId) : null;
  if (!client) {
    const body = { type: "urn:shop:problem:oauth:invalid_client", title: "Unknown client.", status: 401, error: "invalid_client", error_description: "Unknown client." };
    return new Response(JSON.stringify(body), { status: 401, headers: { "content-type": "application/json", "cache-control": "no-store" } });
  }
  if (!token) return oauthBadFormResponse("missing");
  await revokeAppToken(token, client.id, context);
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
}
