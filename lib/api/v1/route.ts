import "server-only";
import { problemResponse } from "@/lib/api/problem";
import { requestContext } from "@/lib/auth/request-context";
import type { RequestContext } from "@/lib/context/request-context";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { logger } from "@/lib/log/logger";
import { bearerSession } from "./bearer";

type Base = { request: Request; context: RequestContext; url: URL };
type Params = Record<string, string>;

const unauthorized = (error: boolean) =>
  problemResponse("unauthorized", {
    headers: { "www-authenticate": error ? 'Bearer realm="api", error="invalid_token"' : 'Bearer realm="api"' },
  });

/**
 * A /api/v1 route handler. `customer` routes need a live app session's access
 * token (checked against the session on every request, so ending the session
 * works at once); `public` routes take none but refuse a bad one rather than
 * ignore it. Unexpected failures are logged and answered as a generic 500.
 */
export function customerRoute<P extends Params = Params>(
  handler: (input: Base & { viewer: ActiveSession; params: P }) => Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> =>
    guarded(request, async () => {
      const bearer = await bearerSession(request.headers);
      if (bearer.kind !== "ok") return unauthorized(bearer.kind === "invalid");
      return handler({ request, context: requestContext(request.headers), url: new URL(request.url), viewer: bearer.session, params: await params });
    });
}

export function publicRoute<P extends Params = Params>(handler: (input: Base & { params: P }) => Promise<Response>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> =>
    guarded(request, async () => {
      const bearer = await bearerSession(request.headers);
      if (bearer.kind === "invalid") return unauthorized(true);
      return handler({ request, context: requestContext(request.headers), url: new URL(request.url), params: await params });
    });
}

async function guarded(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    logger.error({ err: error, path: new URL(request.url).pathname }, "api request failed");
    return new Response(JSON.stringify({ type: "about:blank", title: "Internal Server Error", status: 500 }), {
      status: 500,
      headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
    });
  }
}

/** A JSON answer, never cached (personal data, or catalog data that a client should refetch). */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });
}
