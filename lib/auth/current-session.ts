import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { type ActiveSession, findActiveSession } from "@/lib/dal/sessions";
import { cookieNames } from "./session/cookies";

/** The signed-in session of the current request, looked up once per request. */
export const getCurrentSession = cache(async (): Promise<ActiveSession | null> => {
  const token = (await cookies()).get(cookieNames.session)?.value;
  return token ? findActiveSession(token) : null;
});

/**
 * Guard for pages and actions that need a signed-in user: redirects to sign-in
 * (and back afterwards). Actions call it themselves: they are public endpoints.
 */
export async function requireSession(returnTo = "/account"): Promise<ActiveSession> {
  const session = await getCurrentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}
