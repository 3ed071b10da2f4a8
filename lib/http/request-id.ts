/**
 * Every request gets a fresh id from the shop's HTTP server (and again in
 * proxy.ts for the requests it sees), sent back to the client and
 * carried by every log line for that request. An id sent by the client is never
 * trusted: it could forge or collide with another request's trail.
 */
export const REQUEST_ID_HEADER = "x-request-id";

export function createRequestId(): string {
  return crypto.randomUUID();
}
