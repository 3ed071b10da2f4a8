import { randomBytes } from "node:crypto";
import type { StaffRoleName } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { staffFixtures } from "@/lib/dal/staff/test-fixtures";
import { createSession } from "@/lib/dal/sessions/sessions";
import { testUsers } from "@/lib/dal/test-users";
import type { AuditContext } from "@/lib/context/request-context";
import type { IncidentActor } from "./actor";

/**
 * Accounts, sessions and actors for the incident tools' tests. Every audit
 * entry a test writes carries the file's own request id, so a test finds
 * exactly its own entries on the shared database.
 */
export function incidentFixtures(tag: string) {
  const users = testUsers({ defaults: { name: `Incident ${tag}` }, mailJobs: true });
  const { staffViewer } = staffFixtures(users);
  const requestId = `incident-${tag}-${randomBytes(6).toString("hex")}`;
  const context: AuditContext = { ip: "192.0.2.77", userAgent: `vitest incident ${tag}`, requestId };

  /** A staff actor with a real session (so "keep the acting session" can be checked). */
  async function staffActor(role: StaffRoleName, overrides: Partial<StaffViewer> = {}): Promise<IncidentActor & { kind: "staff" }> {
    const viewer = await staffViewer(role, overrides);
    const { sessionId } = await db.$transaction((tx) => createSession(tx, { userId: viewer.userId, audience: "staff", persistent: false, context }));
    return { kind: "staff", viewer: { ...viewer, sessionId, ...overrides } };
  }

  /** A step-up that ran out an hour ago. */
  const staleStepUp = { reauthenticatedAt: new Date(Date.now() - 3_600_000) };

  async function customerWithSessions(count = 2) {
    const user = await users.createUser({ kind: "customer" });
    for (let i = 0; i < count; i += 1) {
      await db.$transaction((tx) => createSession(tx, { userId: user.id, audience: "customer", persistent: false, context }));
    }
    return user;
  }

  const liveSessions = (userId: string) => db.session.count({ where: { userId, revokedAt: null } });

  /** The audit entries this file wrote with `action`. */
  const auditEntries = (action: string) => db.auditEntry.findMany({ where: { requestId, action }, orderBy: { id: "asc" } });

  return { users, context, requestId, staffActor, staleStepUp, customerWithSessions, liveSessions, auditEntries };
}
