import { db } from "@/lib/db";
import type { RequestContext } from "./security-events";
import { createSession } from "./sessions";
import { testUsers } from "./test-users";

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
