import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { staffFixtures } from "@/lib/dal/staff/test-fixtures";
import { testUsers } from "@/lib/dal/test-users";
import { DEFAULT_THRESHOLDS, normalDay } from "@/lib/security/detection/normal-day";
import { runDetection } from "./run-detection";

// Far-future clocks: the rules then see only the rows this file writes.
const FUTURE = new Date("2090-01-01T00:00:00Z");
const normalNow = new Date("2090-06-01T12:00:00Z");
const attackNow = new Date("2091-06-01T12:00:00Z");

const users = testUsers({
  mailJobs: true,
  cleanUp: async () => {
    await db.securityEvent.deleteMany({ where: { createdAt: { gt: FUTURE } } });
    await db.securityAlert.deleteMany({ where: { createdAt: { gt: FUTURE } } });
    // Seeded staff were mailed too; those mails are this file's.
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'mail' AND data->>'subject' LIKE 'Security alert (high): credential stuffing%' AND data->>'text' LIKE '%network 203.0.x.x/24%'`;
  },
});
const { staffViewer } = staffFixtures(users);

const at = (now: Date, minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);

async function insertFailedSignIns(rows: { userId: string | null; ip: string | null; at: Date }[]) {
  await db.securityEvent.createMany({ data: rows.map((row) => ({ type: "sign_in_failed" as const, userId: null, ip: row.ip, userAgent: "vitest detection", createdAt: row.at, details: { reason: "unknown_account" } })) });
}

async function mailedTo(email: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ subject: string }[]>`SELECT data->>'subject' AS subject FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${email}`;
  return rows.map((row) => row.subject);
}

describe("runDetection", () => {
  it("opens nothing on a normal day", async () => {
    const day = normalDay(normalNow);
    await insertFailedSignIns(day.failedSignIns);
    await db.securityEvent.createMany({ data: day.signUps.map((s) => ({ type: "sign_up" as const, ip: s.ip, userAgent: "vitest detection", createdAt: s.at })) });
    const { findings, opened } = await runDetection(normalNow, DEFAULT_THRESHOLDS);
    expect(findings).toEqual([]);
    expect(opened).toBe(0);
  });

  it("opens one alert for credential stuffing, mails only active staff who may read security alerts, and absorbs repeats", async () => {
    const owner = await staffViewer("owner");
    const auditor = await staffViewer("auditor");
    const support = await staffViewer("support");
    const retired = await staffViewer("admin");
    await db.user.update({ where: { id: retired.userId }, data: { deactivatedAt: new Date() } });

    await insertFailedSignIns(Array.from({ length: 25 }, (_, i) => ({ userId: null, ip: `203.0.113.${i + 1}`, at: at(attackNow, 5 - i / 10) })));
    const first = await runDetection(attackNow, DEFAULT_THRESHOLDS);
    expect(first.findings.map((f) => `${f.rule} ${f.subject}`)).toEqual(["credential_stuffing net:203.0.113.0/24"]);
    expect(first.opened).toBe(1);

    const subject = "Security alert (high): credential stuffing · Northwind Goods";
    expect(await mailedTo(owner.email)).toEqual([subject]);
    expect(await mailedTo(auditor.email)).toEqual([subject]);
    expect(await mailedTo(support.email)).toEqual([]);
    expect(await mailedTo(retired.email)).toEqual([]);
    const [mail] = await db.$queryRaw<{ text: string }[]>`SELECT data->>'text' AS text FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${owner.email}`;
    expect(mail?.text).toContain("network 203.0.x.x/24");
    expect(mail?.text).not.toContain("203.0.113");

    // More of the same a minute later: the open alert is updated, nobody is mailed again.
    await insertFailedSignIns(Array.from({ length: 5 }, (_, i) => ({ userId: null, ip: `203.0.113.${100 + i}`, at: at(attackNow, -0.5) })));
    const later = new Date(attackNow.getTime() + 60_000);
    const second = await runDetection(later, DEFAULT_THRESHOLDS);
    expect(second.opened).toBe(0);
    const alerts = await db.securityAlert.findMany({ where: { kind: "credential_stuffing", subject: "net:203.0.113.0/24", createdAt: { gt: FUTURE } } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: "high", peakCount: 30, lastSeenAt: later, createdAt: attackNow, acknowledgedAt: null });
    expect(await mailedTo(owner.email)).toHaveLength(1);

    // Once acknowledged, the pattern seen again opens a new alert.
    await db.securityAlert.updateMany({ where: { id: alerts[0]?.id }, data: { acknowledgedAt: later } });
    expect((await runDetection(new Date(later.getTime() + 60_000), DEFAULT_THRESHOLDS)).opened).toBe(1);
  });
});
