import { getCookieSession } from "@/lib/guards/current-session";
import { handleAuthorize } from "@/lib/oauth/authorize";

/** The app's authorization endpoint (lib/oauth/authorize.ts), for the browser session behind the request's cookie. */
export async function GET(request: Request): Promise<Response> {
  return handleAuthorize(request, await getCookieSession());
}
