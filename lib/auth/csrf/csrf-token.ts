import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The anti-CSRF token (OWASP "signed double-submit cookie"): a random value
 * and an HMAC over it and the visitor's binding (their session, or a
 * pre-session id before sign-in), as `<random>.<hmac>` in base64url. The same
 * token sits in a cookie and in every state-changing form; a request is
 * accepted only when the two are equal and the HMAC holds for the binding the
 * request carries now. A token planted from elsewhere (a sibling subdomain's
 * cookie, a token from another session) fails the HMAC. Pure, so the proxy,
 * the action pipeline and the tests share it.
 */
export function mintCsrfToken(key: Buffer, binding: string): string {
  const random = randomBytes(32).toString("base64url");
  return `${random}.${signature(key, binding, random)}`;
}

/** Whether `token` was minted with `key` for `binding`. Constant-time on the signature. */
export function isCsrfTokenFor(key: Buffer, binding: string, token: string | null | undefined): boolean {
  if (!token || token.length > 200) return false;
  const [random, mac, ...rest] = token.split(".");
  if (!random || !mac || rest.length > 0) return false;
  const expected = Buffer.from(signature(key, binding, random));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A double-submitted token is accepted when the form's copy equals the
 * cookie's and the cookie's copy is bound to this request's session.
 */
export function isValidDoubleSubmit(key: Buffer, binding: string, cookieToken: string | undefined, submitted: string | null | undefined): boolean {
  if (!cookieToken || !submitted || cookieToken.length !== submitted.length) return false;
  return timingSafeEqual(Buffer.from(cookieToken), Buffer.from(submitted)) && isCsrfTokenFor(key, binding, cookieToken);
}

function signature(key: Buffer, binding: string, random: string): string {
  // Lengths prefix each part so no two (binding, random) pairs share a message.
  const message = `${binding.length}!${binding}!${random.length}!${random}`;
  return createHmac("sha256", key).update(message).digest("base64url");
}
