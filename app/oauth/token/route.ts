import { handleTokenRequest } from "@/lib/oauth/token-endpoint";

/** The token endpoint (lib/oauth/token-endpoint.ts). */
export async function POST(request: Request): Promise<Response> {
  return handleTokenRequest(request);
}
