import type { IncomingMessage, ServerResponse } from "node:http";
import type { SharedPage } from "./shared-page";

// Browsers and proxies check back on every visit (a 304 costs a few bytes); a change reaches them at once.
const CACHE_CONTROL = "public, max-age=0, must-revalidate";

function acceptsGzip(request: IncomingMessage): boolean {
  const accepted = request.headers["accept-encoding"];
  return typeof accepted === "string" && /\bgzip\b/.test(accepted) && !/\bgzip\s*;\s*q=0(?:\.0*)?\b/.test(accepted);
}

/** Sends a shared page: its own policy and validator, gzip when accepted, 304 when the visitor has it. */
export function sendSharedPage(request: IncomingMessage, response: ServerResponse, page: SharedPage, options: { keep: boolean }): void {
  for (const [name, value] of page.headers) response.setHeader(name, value);
  response.setHeader("content-security-policy", page.policy);
  response.setHeader("vary", "Accept-Encoding");
  // A page rendered once but not kept (an unusual URL) is not offered to shared caches either.
  response.setHeader("cache-control", options.keep ? CACHE_CONTROL : "private, no-cache");
  if (page.status === 200) response.setHeader("etag", page.etag);

  if (page.status === 200 && request.headers["if-none-match"] === page.etag) {
    response.writeHead(304);
    response.end();
    return;
  }
  const gzip = acceptsGzip(request);
  const body = gzip ? page.gzip : page.body;
  if (gzip) response.setHeader("content-encoding", "gzip");
  response.setHeader("content-length", body.byteLength);
  response.writeHead(page.status);
  response.end(request.method === "HEAD" ? undefined : body);
}
