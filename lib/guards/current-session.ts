import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { type ActiveSession, findActiveSession } from "@/lib/dal/sessions/sessions";
import { cookieNames } from "@/lib/auth/session/cookies";

/** The session behind the current request's cookie (complete or still owing a second factor), once per request. */
export const getCookieSession = cache(async (): Promise<ActiveSession | null> => {
  const token = (await cookies()).get(cookieNames.session)?.value;
  return token ? findActiveSession(token) : null;
});

/**
 * The signed-in session of the current request. A session that has passed the
 * password but not yet the second factor does not count: it grants nothing.
 */
export async function getCurrentSession(): Promise<ActiveSession | null> {
  const session = await getCookieSession();
  return session && !session.secondFactorPending ? session : null;
}

/**
 * Guard for pages and actions that need a signed-in user: redirects to sign-in
 * (or to the two-factor challenge) and back afterwards. Actions call it
 * themselves: they are public endpoints.
 */
export async function requireSession(returnTo = "/account"): Promise<ActiveSession> {
  const session = await getCookieSession();
  const back = `callbackUrl=${encodeURIComponent(returnTo)}`;
  if (session?.secondFactorPending) redirect(`/sign-in/two-factor?${back}`);
  if (!session) redirect(`/sign-in?${back}`);
  return session;
}
