import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { recordAudit } from "@/lib/dal/audit/log";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { exportTimeline, maskDetails, timelineCsv } from "./timeline";
import { incidentFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const { context, staffActor, staleStepUp, auditEntries, users } = incidentFixtures("timeline");
const reason = "INC-45: timeline for the regulator";

/** A window around now, with one audit entry and one security event (details with a secret-looking key) in it. */
async function arrange() {
  const from = new Date(Date.now() - 1000);
  const customer = await users.createUser();
  await db.securityEvent.create({ data: { type: "sign_in_failed", userId: customer.id, ip: "198.51.100.7", details: { reason: "invalid", token: "should-never-leave" } } });
  await recordAudit({ actor: null, action: "test.timeline_marker", target: { type: "user", id: customer.id }, outcome: "success", context });
  return { from, to: new Date(Date.now() + 1000), customer };
}

describe("exportTimeline (incident tool 6)", () => {
  it("refuses an admin, a missing reason, a stale step-up and a backwards window; nothing is audited", async () => {
    const { from, to } = await arrange();
    await expect(exportTimeline(await staffActor("admin"), { from, to, reason }, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    const owner = await staffActor("owner");
    expect(await exportTimeline(owner, { from, to, reason: "x" }, context)).toEqual({ ok: false, code: "reason_invalid" });
    expect(await exportTimeline({ ...owner, viewer: { ...owner.viewer, ...staleStepUp } }, { from, to, reason }, context)).toEqual({ ok: false, code: "step_up_required" });
    expect(await exportTimeline(owner, { from: to, to: from, reason }, context)).toEqual({ ok: false, code: "window_invalid" });
    expect(await auditEntries("incident.timeline_exported")).toHaveLength(0);
  });

  it("merges audit entries and security events in time order, masks secrets, and audits the export", async () => {
    const { from, to, customer } = await arrange();
    const owner = await staffActor("owner");
    const result = await exportTimeline(owner, { from, to, reason }, context);
    if (!result.ok) throw new Error(result.code);
    const times = result.rows.map((row) => row.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const event = result.rows.find((row) => row.source === "security_event" && row.actor === customer.id);
    expect(event).toMatchObject({ event: "sign_in_failed", details: { reason: "invalid", token: "[redacted]" } });
    expect(result.rows.some((row) => row.source === "audit" && row.event === "test.timeline_marker")).toBe(true);
    const csv = timelineCsv(result.rows);
    expect(csv.split("\r\n")[0]).toBe('"time","source","id","event","actor","role","target","outcome","reason","details","ip","request id"');
    expect(csv).not.toContain("should-never-leave");
    const [entry] = await auditEntries("incident.timeline_exported");
    expect(entry).toMatchObject({ actorId: owner.viewer.userId, reason });
    expect(entry?.after).toMatchObject({ from: from.toISOString(), to: to.toISOString() });
  });

  it("masks nested secret-looking keys and keeps the rest", () => {
    expect(maskDetails({ a: 1, nested: [{ password: "p", ok: true }], email: "x@example.test" })).toEqual({ a: 1, nested: [{ password: "[redacted]", ok: true }], email: "[redacted]" });
  });
});
