import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { accountsOf } from "./cohorts";
import { endSessionsForCohort } from "./end-sessions";
import { incidentFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const { context, staffActor, staleStepUp, customerWithSessions, liveSessions, auditEntries, users } = incidentFixtures("end-sessions");
const reason = "INC-42: session cookies leaked in a proxy log";

describe("endSessionsForCohort (incident tool 1)", () => {
  it("refuses an admin (no security:manage) and ends nothing (V4.1.3)", async () => {
    const admin = await staffActor("admin");
    const target = await customerWithSessions();
    await expect(endSessionsForCohort(admin, { cohort: { kind: "list", emails: [target.email] }, reason }, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await liveSessions(target.id)).toBe(2);
  });

  it("refuses a missing or short reason, and a stale step-up, changing nothing", async () => {
    const owner = await staffActor("owner");
    const target = await customerWithSessions();
    const cohort = { kind: "list" as const, emails: [target.email] };
    expect(await endSessionsForCohort(owner, { cohort, reason: "  " }, context)).toEqual({ ok: false, code: "reason_invalid" });
    expect(await endSessionsForCohort(owner, { cohort, reason: "too short" }, context)).toEqual({ ok: false, code: "reason_invalid" });
    const stale = { ...owner, viewer: { ...owner.viewer, ...staleStepUp } };
    expect(await endSessionsForCohort(stale, { cohort, reason }, context)).toEqual({ ok: false, code: "step_up_required" });
    expect(await liveSessions(target.id)).toBe(2);
  });

  it("ends the listed accounts' sessions, records sessions_revoked for each and audits without the addresses", async () => {
    const owner = await staffActor("owner");
    const [first, second, bystander] = [await customerWithSessions(2), await customerWithSessions(1), await customerWithSessions(1)];
    const result = await endSessionsForCohort(owner, { cohort: { kind: "list", emails: [first.email, second.email.toUpperCase(), "nobody@example.test"] }, reason }, context);
    expect(result).toEqual({ ok: true, accounts: 2, sessionsEnded: 3, keptOwnSession: false, unmatched: 1 });
    expect([await liveSessions(first.id), await liveSessions(second.id), await liveSessions(bystander.id)]).toEqual([0, 0, 1]);
    const events = await db.securityEvent.findMany({ where: { userId: { in: [first.id, second.id] }, type: "sessions_revoked" } });
    expect(events.map((event) => event.details)).toEqual(expect.arrayContaining([expect.objectContaining({ scope: "all", ended: 2, reason: "incident_response" })]));
    expect(events).toHaveLength(2);
    const [entry] = await auditEntries("incident.sessions_ended");
    expect(entry).toMatchObject({ actorId: owner.viewer.userId, actorRole: "owner", reason, outcome: "success" });
    expect(entry?.after).toMatchObject({ cohort: "list", listed: 3, accounts: 2, sessionsEnded: 3, unmatched: 1 });
    expect(JSON.stringify({ ...entry, id: String(entry?.id) })).not.toContain(first.email);
  });

  it("keeps the acting owner's own session when their account is in the cohort, ending their others", async () => {
    const owner = await staffActor("owner");
    const { createSession } = await import("@/lib/dal/sessions/sessions");
    await db.$transaction((tx) => createSession(tx, { userId: owner.viewer.userId, audience: "staff", persistent: false, context }));
    const result = await endSessionsForCohort(owner, { cohort: { kind: "list", emails: [owner.viewer.email] }, reason }, context);
    expect(result).toMatchObject({ ok: true, sessionsEnded: 1, keptOwnSession: true });
    const live = await db.session.findMany({ where: { userId: owner.viewer.userId, revokedAt: null }, select: { id: true } });
    expect(live.map((session) => session.id)).toEqual([owner.viewer.sessionId]);
  });

  it("from the command: keeps no session and audits actor cli/operator", async () => {
    const target = await customerWithSessions(1);
    const result = await endSessionsForCohort({ kind: "cli", operator: "ops" }, { cohort: { kind: "list", emails: [target.email] }, reason }, context);
    expect(result).toMatchObject({ ok: true, sessionsEnded: 1 });
    const entries = await auditEntries("incident.sessions_ended");
    expect(entries.at(-1)).toMatchObject({ actorId: "cli", actorRole: "operator" });
  });

  it("a staff cohort names staff accounts and no customer", async () => {
    const staff = await staffActor("support");
    const customer = await users.createUser({ kind: "customer" });
    const ids = new Set((await accountsOf(db, { kind: "staff" })).ids);
    expect([ids.has(staff.viewer.userId), ids.has(customer.id)]).toEqual([true, false]);
    const customers = new Set((await accountsOf(db, { kind: "customers" })).ids);
    expect([customers.has(staff.viewer.userId), customers.has(customer.id)]).toEqual([false, true]);
  });
});
