import "server-only";
import { randomBytes } from "node:crypto";
import { cookieNames, secureCookies } from "@/lib/auth/session/cookies";
import { csrfBinding } from "./csrf-binding";
import { csrfKey } from "./csrf-key";
import { csrfCookieNames } from "./csrf-names";
import { isCsrfTokenFor, isValidDoubleSubmit, mintCsrfToken } from "./csrf-token";

export const csrfCookies = csrfCookieNames(secureCookies);

/** A cookie to set: name, value and attributes. */
export type CookieToSet = { name: string; value: string; options: { httpOnly: boolean; sameSite: "lax"; path: "/"; secure: boolean } };

type CookieReader = { get(name: string): { value: string } | undefined };

/**
 * The anti-CSRF cookies this request should carry, given the cookies it came
 * with: a pre-session visitor id when it has neither session nor id, and a
 * fresh token when its token is missing or bound to another session (the
 * visitor signed in or out). Returns only what must change.
 */
export function csrfCookiesToIssue(jar: CookieReader): CookieToSet[] {
  const issued: CookieToSet[] = [];
  const session = jar.get(cookieNames.session)?.value;
  let visitor = jar.get(csrfCookies.visitor)?.value;
  if (!session && !/^[A-Za-z0-9_-]{22,64}$/.test(visitor ?? "")) {
    visitor = randomBytes(18).toString("base64url");
    issued.push({ name: csrfCookies.visitor, value: visitor, options: cookieOptions(true) });
  }
  const binding = csrfBinding(session, visitor);
  if (binding && !isCsrfTokenFor(csrfKey(), binding, jar.get(csrfCookies.token)?.value)) {
    issued.push({ name: csrfCookies.token, value: mintCsrfToken(csrfKey(), binding), options: cookieOptions(false) });
  }
  return issued;
}

/** Whether `submitted` is this request's anti-CSRF token: equal to its cookie, and bound to its session. */
export function isCsrfTokenAccepted(jar: CookieReader, submitted: string | null | undefined): boolean {
  const binding = csrfBinding(jar.get(cookieNames.session)?.value, jar.get(csrfCookies.visitor)?.value);
  return binding !== null && isValidDoubleSubmit(csrfKey(), binding, jar.get(csrfCookies.token)?.value, submitted);
}

function cookieOptions(httpOnly: boolean): CookieToSet["options"] {
  return { httpOnly, sameSite: "lax", path: "/", secure: secureCookies };
}
