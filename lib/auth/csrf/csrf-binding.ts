import "server-only";
import { createHash } from "node:crypto";

/**
 * What a token is bound to: the session when the browser has one (by a hash
 * of its cookie, so the token never carries the session secret), otherwise a
 * random pre-session id kept in its own cookie. Signing in or out changes the
 * binding, so a token from before stops working and a fresh one is issued.
 */
export function csrfBinding(sessionCookie: string | undefined, visitorId: string | undefined): string | null {
  if (sessionCookie) return `session:${createHash("sha256").update(sessionCookie).digest("base64url")}`;
  if (visitorId) return `visitor:${visitorId}`;
  return null;
}
