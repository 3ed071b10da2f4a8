import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { forcePasswordReset } from "./force-password-reset";
import { incidentFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const { context, staffActor, staleStepUp, customerWithSessions, liveSessions, auditEntries } = incidentFixtures("force-reset");
const reason = "INC-43: password hashes may have been copied";
const resetRequired = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordResetRequiredAt: true } })).passwordResetRequiredAt;

describe("forcePasswordReset (incident tool 2)", () => {
  it("refuses an admin (no security:manage), a short reason and a stale step-up; nothing changes", async () => {
    const target = await customerWithSessions();
    const cohort = { kind: "list" as const, emails: [target.email] };
    await expect(forcePasswordReset(await staffActor("admin"), { cohort, reason }, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    const owner = await staffActor("owner");
    expect(await forcePasswordReset(owner, { cohort, reason: "because" }, context)).toEqual({ ok: false, code: "reason_invalid" });
    expect(await forcePasswordReset({ ...owner, viewer: { ...owner.viewer, ...staleStepUp } }, { cohort, reason }, context)).toEqual({ ok: false, code: "step_up_required" });
    expect(await resetRequired(target.id)).toBeNull();
    expect(await liveSessions(target.id)).toBe(2);
    expect(await auditEntries("incident.password_reset_forced")).toHaveLength(0);
  });

  it("marks the cohort's passwords as needing a reset, ends their sessions and audits it; the acting owner is left out", async () => {
    const owner = await staffActor("owner");
    const [target, bystander] = [await customerWithSessions(2), await customerWithSessions(1)];
    const result = await forcePasswordReset(owner, { cohort: { kind: "list", emails: [target.email, owner.viewer.email] }, reason }, context);
    expect(result).toEqual({ ok: true, accounts: 1, sessionsEnded: 2, unmatched: 0, skippedSelf: true });
    expect(await resetRequired(target.id)).toBeInstanceOf(Date);
    expect(await resetRequired(owner.viewer.userId)).toBeNull();
    expect(await resetRequired(bystander.id)).toBeNull();
    expect([await liveSessions(target.id), await liveSessions(bystander.id), await liveSessions(owner.viewer.userId)]).toEqual([0, 1, 1]);
    expect(await db.securityEvent.count({ where: { userId: target.id, type: "sessions_revoked" } })).toBe(1);
    const [entry] = await auditEntries("incident.password_reset_forced");
    expect(entry).toMatchObject({ actorId: owner.viewer.userId, reason, outcome: "success" });
    expect(entry?.after).toMatchObject({ cohort: "list", listed: 2, accounts: 1, sessionsEnded: 2 });
  });

  it("from the command: audits actor cli/operator", async () => {
    const target = await customerWithSessions(1);
    const result = await forcePasswordReset({ kind: "cli", operator: "ops" }, { cohort: { kind: "list", emails: [target.email] }, reason }, context);
    expect(result).toMatchObject({ ok: true, accounts: 1, skippedSelf: false });
    expect((await auditEntries("incident.password_reset_forced")).at(-1)).toMatchObject({ actorId: "cli", actorRole: "operator" });
  });
});
