import { handleRevokeRequest } from "@/lib/oauth/revoke-endpoint";

/** Token revocation, the app's sign-out (lib/oauth/revoke-endpoint.ts). */
export async function POST(request: Request): Promise<Response> {
  return handleRevokeRequest(request);
}
