import "server-only";
import { findAppSessionByAccessToken } from "@/lib/dal/oauth/access-tokens";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";

/**
 * The app session of a request's `Authorization: Bearer` header (RFC 6750
 * §2.1), or why there is none. Only the header counts: never a cookie, a query
 * parameter or a form field, so a browser's ambient credentials reach nothing.
 */
export type BearerResult = { kind: "none" } | { kind: "invalid" } | { kind: "ok"; session: ActiveSession };

export async function bearerSession(headers: Headers): Promise<BearerResult> {
  const header = headers.get("authorization");
  if (header === null) return { kind: "none" };
  const match = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(header.trim());
  if (!match?.[1]) return { kind: "invalid" };
  const session = await findAppSessionByAccessToken(match[1]);
  return session ? { kind: "ok", session } : { kind: "invalid" };
}
