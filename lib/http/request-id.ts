/**
 * Every request gets a fresh id in proxy.ts, sent back to the client and
 * carried by every log line for that request. An id sent by the client is never
 * trusted: it could forge or collide with another request's trail.
 */
export const REQUEST_ID_HEADER = "x-request-id";

export function createRequestId(): string {
  return crypto.randomUUID();
}
