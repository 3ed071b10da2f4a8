import { db } from "@/lib/db";
import { type ActiveSession, createSession, findActiveSession } from "./sessions";
import { testUsers } from "@/lib/dal/test-users";
import type { RequestContext } from "@/lib/context/request-context";

/**
 * Test accounts and sessions for the session suites: verified users of either
 * kind, sessions opened with a fixed request context, and row lookups.
 */
export function sessionFixtures(context: RequestContext) {
  const users = testUsers({ defaults: { name: "Session Tester" } });
  return {
    /** A verified account of the given kind. */
    createUser: (kind: "customer" | "staff" = "customer") => users.createUser({ kind, emailVerifiedAt: new Date() }),
    openSession: (userId: string, options: { audience?: "customer" | "staff"; persistent?: boolean } = {}) =>
      db.$transaction((tx) =>
        createSession(tx, {
          userId,
          audience: options.audience ?? "customer",
          persistent: options.persistent ?? false,
          context,
        }),
      ),
    sessionRow: (id: string) => db.session.findUniqueOrThrow({ where: { id } }),
  };
}

/** A fresh password session of the user, as the request behind its cookie sees it. */
export async function signedInViewer(userId: string, context: RequestContext): Promise<ActiveSession> {
  const { token } = await db.$transaction((tx) => createSession(tx, { userId, audience: "customer", persistent: false, context }));
  const viewer = await findActiveSession(token);
  if (!viewer) throw new Error("no session");
  return viewer;
}

/**
 * Brings back the user's sessions that a change ended for `reason`, as they
 * would be had their sign-in committed just after that change: a session the
 * change could not see.
 */
export async function reviveSessions(userId: string, reason: string): Promise<void> {
  await db.session.updateMany({ where: { userId, revokedReason: reason }, data: { revokedAt: null, revokedReason: null } });
}
