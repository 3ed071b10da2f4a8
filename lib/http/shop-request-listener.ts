import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyRefusal } from "./body-limits";
import { appendPeerAddress } from "./forwarded-for";
import { createRequestId, REQUEST_ID_HEADER } from "./request-id";

type Handle = (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;

const refusalText = { 411: "Length required", 413: "Request body too large" } as const;

// A refused body is read and thrown away, so the client finishes sending and then reads the
// answer (closing at once would show it a broken connection, not a 413); past this, the connection is cut.
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

function refuse(request: IncomingMessage, response: ServerResponse, status: 411 | 413): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  response.end(refusalText[status]);
  let discarded = 0;
  request.on("data", (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > MAX_DISCARDED_BYTES) request.socket.destroy();
  });
}

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
 *   reads any of it.
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
      refuse(request, response, refusal);
      return;
    }
    void handle(request, response);
  };
}
