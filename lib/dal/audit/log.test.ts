import { execFile } from "node:child_process";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { childProcessEnv } from "@/lib/env";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { appendAudit, recordAudit, verifyAuditChain } from "./log";

const url = requireTestDatabaseUrl();
const context = { ip: "192.0.2.7", userAgent: "vitest audit", requestId: "req-audit-test" };

afterAll(async () => {
  await db.$disconnect();
});

/** A plain connection, as a database administrator (or an attacker with its password) would use. */
async function asDatabaseAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `npm run audit:verify`'s body against the test database. */
function runVerifyCommand(): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      "tsx",
      ["--conditions=react-server", "lib/cli/audit-verify-run.ts"],
      { env: childProcessEnv({ DATABASE_URL: url, LOG_LEVEL: "silent" }) },
      (error, _stdout, stderr) => resolve({ code: error ? (child.exitCode ?? 1) : 0, stderr }),
    );
  });
}

const entry = (action: string, reason = "test") => ({
  actor: { id: "staff-audit-test", role: "admin" },
  action,
  target: { type: "order", id: `order-${action}` },
  before: { status: "paid" },
  after: { status: "refunded" },
  reason,
  outcome: "success" as const,
  context,
});

describe("audit log", () => {
  it("chains entries appended concurrently into one unbroken sequence", async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => recordAudit(entry(`test.concurrent_${i}`))));
    const report = await verifyAuditChain(7); // small batches: the walk crosses batch boundaries
    expect(report.broken).toBeNull();
    expect(report.checked).toBeGreaterThanOrEqual(25);
  });

  it("writes nothing when the surrounding transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await appendAudit(tx, entry("test.rolled_back"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEntry.count({ where: { action: "test.rolled_back" } })).toBe(0);
    expect((await verifyAuditChain()).broken).toBeNull();
  });

  it("refuses UPDATE, DELETE and TRUNCATE from the application's connection", async () => {
    await recordAudit(entry("test.append_only"));
    const row = await db.auditEntry.findFirstOrThrow({ where: { action: "test.append_only" } });
    await expect(db.auditEntry.update({ where: { id: row.id }, data: { reason: "edited" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    expect((await db.auditEntry.findUniqueOrThrow({ where: { id: row.id } })).reason).toBe("test");
  });

  it("names the entry a database superuser changed behind the triggers' back", async () => {
    await recordAudit(entry("test.tamper_target", "original reason"));
    await recordAudit(entry("test.after_tamper"));
    const target = await db.auditEntry.findFirstOrThrow({ where: { action: "test.tamper_target" } });
    const tamper = (reason: string) =>
      asDatabaseAdmin(async (client) => {
        // Disabling triggers for the session is what a superuser can do; the chain must still tell.
        await client.query("SET session_replication_role = replica");
        await client.query(`UPDATE "AuditEntry" SET reason = $1 WHERE id = $2`, [reason, target.id]);
      });
    await tamper("nothing to see here");
    try {
      const report = await verifyAuditChain();
      expect(report.broken).toEqual({ id: target.id, problem: "content changed" });
      // The operator's command says the same, and fails.
      const command = await runVerifyCommand();
      expect(command.code).toBe(1);
      expect(command.stderr).toContain(`Audit log BROKEN at entry ${target.id}: content changed`);
    } finally {
      await tamper("original reason"); // the test database is shared by the other suites
    }
    expect((await verifyAuditChain()).broken).toBeNull();
  });
});
