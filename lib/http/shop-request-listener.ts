import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyRefusal } from "./body-limits";
import { isBearerApiPath } from "./bearer-api-paths";
import { loggablePath } from "./loggable-path";
import { appendPeerAddress } from "./forwarded-for";
import { createRequestId, REQUEST_ID_HEADER } from "./request-id";
import type { SharedPages } from "./page-cache/shared-pages";
import { SHARED_RENDER_HEADER } from "./page-cache/shared-render";

type Handle = (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;

/** What the server is told when Next's handler fails: the error and the request it failed on. */
export type HandlerFailure = { error: unknown; requestId: string; method: string | undefined; path: string };

// Without a logger of its own (this module stays free of the app's modules), one JSON line on stderr.
const writeFailureLine = ({ error, ...request }: HandlerFailure) =>
  console.error(JSON.stringify({ level: "error", msg: "request handler failed", ...request, err: String(error) }));

const refusalText = { 411: "Length required", 413: "Request body too large" } as const;

// A refused body is read and thrown away, so the client finishes sending and then reads the
// answer (closing at once would show it a broken connection, not a 413); past this, the connection is cut.
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

/**
 * A handler that failed leaves no request hanging: a 500 when nothing was sent
 * yet, otherwise the connection is cut, since a status already sent cannot change
 * (the client sees a broken response, not a truncated page passed off as complete).
 */
function answerFailure(response: ServerResponse): void {
  if (!response.headersSent) {
    response.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    response.end("Internal Server Error");
  } else if (!response.writableEnded) {
    response.destroy();
  }
}

function refuse(request: IncomingMessage, response: ServerResponse, status: 411 | 413): void {
  if (isBearerApiPath(new URL(request.url ?? "/", "http://shop.invalid").pathname)) {
    // The app's API answers every refusal as RFC 9457 problem details (lib/api/problem.ts).
    const type = status === 413 ? "urn:shop:problem:payload-too-large" : "urn:shop:problem:length-required";
    response.writeHead(status, { "content-type": "application/problem+json", "cache-control": "no-store" });
    response.end(JSON.stringify({ type, title: refusalText[status], status }));
  } else {
    response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    response.end(refusalText[status]);
  }
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
 *   reads any of it;
 * - answers the catalog's shared pages (home, categories, products) from the
 *   page cache, with each page's own hashed Content-Security-Policy
 *   (lib/http/page-cache), when given one;
 * - catches a handler that throws or rejects: `onHandlerError` hears of it with
 *   the request id, and the client gets a 500 rather than a request left open
 *   (and the process an unhandled rejection).
 * Pure node:http, because the server process loads it outside React's server environment.
 */
export function createShopRequestListener(
  handle: Handle,
  onHandlerError: (failure: HandlerFailure) => void = writeFailureLine,
  sharedPages?: SharedPages,
) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const requestId = createRequestId();
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    // Only the server's own renders may be marked shared (lib/http/page-cache/shared-pages.ts sets it).
    delete request.headers[SHARED_RENDER_HEADER];
    request.headers["x-forwarded-for"] = appendPeerAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress);

    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const refusal = bodyRefusal(request.headers, pathname);
    if (refusal) {
      refuse(request, response, refusal);
      return;
    }
    // An async wrapper, so a handler that throws before returning its promise is caught too.
    (async () => {
      if (sharedPages && (await sharedPages.handle(request, response))) return;
      await handle(request, response);
    })().catch((error: unknown) => {
      try {
        onHandlerError({ error, requestId, method: request.method, path: loggablePath(pathname) });
      } finally {
        answerFailure(response);
      }
    });
  };
}
