import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyRefusal } from "./body-limits";
import { appendPeerAddress } from "./forwarded-for";
import { createRequestId, REQUEST_ID_HEADER } from "./request-id";

type Handle = (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;

const refusalText = { 411: "Length required", 413: "Request body too large" } as const;

/**
 * What the shop's HTTP server (lib/cli/http-server.ts) does to every request
 * before Next sees it, whatever proxy.ts's matcher skips (prefetches, static
 * files):
 * - appends the socket's peer address to X-Forwarded-For, so the header's last
 *   entry is trustworthy (lib/http/client-ip.ts);
 * - replaces any client-sent X-Request-Id with its own, so a client can never
 *   write its id into the logs or the audit log (proxy.ts replaces it again on
 *   the requests it sees, and the response carries whichever id was logged);
 * - refuses an oversized body (lib/http/body-limits.ts) with 413 before Next
 *   reads it.
 * Pure node:http, because the server process loads it outside React's server environment.
 */
export function createShopRequestListener(handle: Handle) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const requestId = createRequestId();
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    request.headers["x-forwarded-for"] = appendPeerAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress);

    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const refusal = bodyRefusal(request.headers, pathname);
    if (refusal) {
      // The body is never read: close the connection instead of draining it.
      response.writeHead(refusal, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
      response.end(refusalText[refusal]);
      request.resume();
      return;
    }
    void handle(request, response);
  };
}
