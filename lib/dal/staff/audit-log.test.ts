import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { exportAuditEntries, listAuditEntries, verifyAuditLog } from "./audit-log";
import { recordAudit } from "@/lib/dal/audit/log";
import { orderFixtures } from "@/lib/dal/orders/test-fixtures";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";

requireTestDatabaseUrl();

const { staffMember } = orderFixtures();
const context = { ip: "192.0.2.99", userAgent: "vitest admin audit", requestId: "req-admin-audit" };

describe("the audit log in the admin", () => {
  it("filters by actor, action and target", async () => {
    const actor = await staffMember("admin");
    const target = `order-${actor.userId}`;
    for (const action of ["order.shipped", "order.cancelled"]) {
      await recordAudit({ actor: { id: actor.userId, role: actor.role }, action, target: { type: "order", id: target }, outcome: "success", context });
    }
    const auditor = await staffMember("auditor");
    const { entries, total } = await listAuditEntries(auditor, { actorEmail: actor.email, action: "order.shipped" }, 1);
    expect(total).toBe(1);
    expect(entries[0]).toMatchObject({ actor: actor.email, actorRole: "admin", action: "order.shipped", target: `order:${target}` });
    expect((await listAuditEntries(auditor, { targetType: "order", targetId: target }, 1)).total).toBe(2);
  });

  it("audits every export and alerts the owners about a large one", async () => {
    const owner = await staffMember("owner");
    const auditor = await staffMember("auditor");
    const rows = await exportAuditEntries(auditor, { action: "order." }, context, 1);
    expect(rows.length).toBeGreaterThan(1);
    const exported = await db.auditEntry.findFirstOrThrow({ where: { actorId: auditor.userId, action: "audit.exported" } });
    expect(exported.after).toMatchObject({ rows: rows.length });
    const alert = await db.securityAlert.findFirstOrThrow({ where: { actorId: auditor.userId, kind: "large_export" } });
    expect(alert.message).toContain(`${rows.length}`);
    const mails = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${owner.email}`;
    expect(Number(mails[0]?.n)).toBeGreaterThanOrEqual(1);
  });

  it("refuses export without audit:export, and verification records its result", async () => {
    await expect(exportAuditEntries(await staffMember("support"), {}, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    const auditor = await staffMember("auditor");
    const report = await verifyAuditLog(auditor, context);
    // Another suite may be tampering with the shared log at this moment: the record must match what was found.
    const verified = await db.auditEntry.findFirstOrThrow({ where: { actorId: auditor.userId, action: "audit.verified" } });
    expect(verified.outcome).toBe(report.broken ? "failure" : "success");
    expect(verified.after).toMatchObject({ checked: report.checked });
  });
});
