import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { testUsers } from "@/lib/dal/test-users";
import { acknowledgeAlert } from "./acknowledge-alert";
import { PermissionDeniedError } from "./permission";
import { getSecurityOverview } from "./security-overview";
import { staffFixtures } from "./test-fixtures";

const alertIds: string[] = [];
const users = testUsers({
  cleanUp: async () => {
    await db.securityAlert.deleteMany({ where: { id: { in: alertIds } } });
  },
});
const { staffViewer } = staffFixtures(users);
const context = { ip: "192.0.2.80", userAgent: "vitest security alerts", requestId: "req-security-alerts" };

async function openAlert(subject: string) {
  const alert = await db.securityAlert.create({
    data: { kind: "credential_stuffing", severity: "high", subject, message: "25 accounts failed to sign in from one network", peakCount: 25 },
    select: { id: true },
  });
  alertIds.push(alert.id);
  return alert.id;
}

describe("security alerts for staff", () => {
  it("shows open alerts with the subject masked, to security:read only", async () => {
    const customer = await users.createUser();
    const stuffingId = await openAlert("net:203.0.113.0/24");
    const accountId = await openAlert(`user:${customer.id}`);
    const overview = await getSecurityOverview(await staffViewer("auditor"));
    const shown = overview.openAlerts.filter((alert) => [stuffingId, accountId].includes(alert.id));
    expect(shown.map((alert) => alert.subject).sort()).toEqual([`account ${customer.email[0]}•••@e•••.test`, "network 203.0.x.x/24"].sort());
    expect(JSON.stringify(overview)).not.toContain(customer.email);
    expect(JSON.stringify(overview)).not.toContain("203.0.113");
    expect(overview.alertsPerDay).toHaveLength(14);
    await expect(getSecurityOverview(await staffViewer("support"))).rejects.toThrow(PermissionDeniedError);
  });

  it("acknowledges with a note, audited; refuses the read-only auditor and a second acknowledgement", async () => {
    const alertId = await openAlert("net:198.51.100.0/24");
    const auditor = await staffViewer("auditor");
    await expect(acknowledgeAlert(auditor, { alertId, note: "blocked at the firewall" }, context)).rejects.toThrow(PermissionDeniedError);
    expect((await db.securityAlert.findUniqueOrThrow({ where: { id: alertId } })).acknowledgedAt).toBeNull();

    const admin = await staffViewer("admin");
    expect(await acknowledgeAlert(admin, { alertId, note: "blocked at the firewall" }, context)).toEqual({ ok: true });
    const stored = await db.securityAlert.findUniqueOrThrow({ where: { id: alertId } });
    expect(stored).toMatchObject({ acknowledgedById: admin.userId, acknowledgeNote: "blocked at the firewall" });
    expect(stored.acknowledgedAt).not.toBeNull();
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "security.alert_acknowledged", targetId: alertId } });
    expect(audit).toMatchObject({ actorId: admin.userId, reason: "blocked at the firewall", outcome: "success" });

    expect(await acknowledgeAlert(admin, { alertId, note: "again" }, context)).toEqual({ ok: false, code: "alert_not_found" });
    const open = await getSecurityOverview(admin);
    expect(open.openAlerts.map((alert) => alert.id)).not.toContain(alertId);
  });
});
