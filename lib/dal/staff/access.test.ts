import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { refusalPolicies } from "@/lib/auth/rate-limit/refusal-limits";
import { closeLimiterStore, defaultLimiterStore } from "@/lib/auth/rate-limit/store";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { env } from "@/lib/env";
import { refusalWindowStart } from "@/lib/dal/audit/refusal-counts";
import { ACCESS_DENIED, recordDeniedAccess } from "./access";
import { staffFixtures } from "./test-fixtures";
import { testUsers } from "@/lib/dal/test-users";

const databaseUrl = requireTestDatabaseUrl();

const users = testUsers({
  mailJobs: true,
  cleanUp: async () => {
    await db.securityAlert.deleteMany({ where: { actorId: { in: users.userIds } } });
    await db.refusalCount.deleteMany({ where: { subject: { in: users.userIds } } });
    for (const id of users.userIds) await db.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${`%${id}%`}`;
    // The alert mailed the owners; those mails are this test's, not the shop's.
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'mail' AND data->>'subject' = 'Security alert in the shop admin' AND data->>'text' LIKE '%admin requests in the last hour%'`;
    await closeLimiterStore(defaultLimiterStore());
  },
});
const { staffViewer } = staffFixtures(users);
const context = { ip: "192.0.2.63", userAgent: "vitest staff access", requestId: "req-staff-access" };

/** Runs `work` while another connection holds a lock that blocks every audit append; fails if it has to wait for it. */
async function withAuditAppendsBlocked<T>(work: () => Promise<T>): Promise<T> {
  const holder = new Client({ connectionString: databaseUrl });
  await holder.connect();
  await holder.query("BEGIN");
  // EXCLUSIVE lets others read the log but not insert into it: an append now waits for COMMIT.
  await holder.query('LOCK TABLE "AuditEntry" IN EXCLUSIVE MODE');
  const pending = work();
  try {
    return await Promise.race([
      pending,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("a denied request waited for the audit log")), 10_000)),
    ]);
  } finally {
    await holder.query("COMMIT");
    await holder.end();
    await pending.catch(() => undefined);
  }
}

describe("denied admin requests do not amplify writes", () => {
  it("counts 200 refusals in a few rows, without an audit append per request, and still alerts the owners", async () => {
    const viewer = await staffViewer("fulfilment");
    const denied = { actorId: viewer.userId, role: viewer.role, permission: "customers:read", context };
    const now = new Date();

    const first = await recordDeniedAccess(denied, now);
    const outcomes = await withAuditAppendsBlocked(async () => {
      const later = [];
      for (let n = 1; n < 200; n += 1) later.push(await recordDeniedAccess(denied, now));
      return later;
    });

    const limit = refusalPolicies().access_denied.points;
    expect(first).toBe("recorded");
    expect(outcomes.filter((outcome) => outcome === "counted")).toHaveLength(limit - 1);
    expect(outcomes.filter((outcome) => outcome === "limited")).toHaveLength(200 - limit);

    const audit = await db.auditEntry.findMany({ where: { actorId: viewer.userId }, select: { action: true, outcome: true, targetId: true } });
    expect(audit).toEqual([{ action: ACCESS_DENIED, outcome: "denied", targetId: "customers:read" }]);
    expect(await db.securityEvent.count({ where: { userId: viewer.userId, type: "staff_access_denied" } })).toBe(1);
    const counters = await db.refusalCount.findMany({ where: { subject: viewer.userId }, select: { kind: true, detail: true, count: true, windowStart: true } });
    expect(counters).toEqual([{ kind: "access_denied", detail: "customers:read", count: limit, windowStart: refusalWindowStart(now) }]);

    const alerts = await db.securityAlert.findMany({ where: { actorId: viewer.userId }, select: { kind: true, details: true } });
    expect(alerts).toEqual([{ kind: "repeated_denials", details: { permission: "customers:read", denials: env.ALERT_DENIALS_PER_HOUR + 1 } }]);
  });

  it("audits the first refusal of each permission, and alerts on the account's refusals across permissions", async () => {
    const viewer = await staffViewer("catalog_manager");
    const deny = (permission: string) => recordDeniedAccess({ actorId: viewer.userId, role: viewer.role, permission, context });
    const permissions = ["audit:read", "staff:read", "customers:read"];
    for (let n = 0; n <= env.ALERT_DENIALS_PER_HOUR; n += 1) await deny(permissions[n % permissions.length] ?? "audit:read");

    const audit = await db.auditEntry.findMany({ where: { actorId: viewer.userId }, orderBy: { id: "asc" }, select: { targetId: true } });
    expect(audit.map((entry) => entry.targetId)).toEqual(permissions);
    expect(await db.securityAlert.count({ where: { actorId: viewer.userId, kind: "repeated_denials" } })).toBe(1);
  });
});
