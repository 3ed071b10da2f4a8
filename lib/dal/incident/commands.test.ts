import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { incidentFixtures } from "./test-fixtures";
import { getLockdownStatus } from "@/lib/dal/lockdown/state";
import type { CommandIo } from "@/lib/cli/incident/command-io";
import { runIncidentTool } from "@/lib/cli/incident/tools";

requireTestDatabaseUrl();

/*
 * One test per incident command, through the same function the built command
 * (dist/incident-run.js) calls, against the test database. Each acts on this
 * file's own accounts (list cohorts), so other suites are not disturbed.
 */
const { customerWithSessions, liveSessions } = incidentFixtures("commands");
const reason = "INC-48: tabletop exercise from the shell";
const operator = `ops-${randomBytes(3).toString("hex")}`;
const outFile = join(tmpdir(), `timeline-${randomBytes(4).toString("hex")}.csv`);

function capture(): CommandIo & { lines: string[]; errors: string[]; data: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  const data: string[] = [];
  return { lines, errors, data, out: (line) => void lines.push(line), err: (line) => void errors.push(line), write: (chunk) => void data.push(chunk) };
}
const run = async (tool: string, args: string[]) => {
  const io = capture();
  return { code: await runIncidentTool(tool, args, io), io };
};
/** The audit entries written by this file's operator. */
const byOperator = (action: string) => db.auditEntry.findMany({ where: { action, userAgent: { contains: `(operator ${operator})` } } });

afterAll(async () => {
  await rm(outFile, { force: true });
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'account' AND data->>'recipientId' IN (
    SELECT r.id FROM "BreachNoticeRecipient" r JOIN "BreachNotice" n ON n.id = r."noticeId" WHERE n.reason = ${reason})`;
  await db.breachNotice.deleteMany({ where: { reason } });
});

describe("npm run incident:<tool>", () => {
  it("every command refuses to run without --reason, changing nothing (exit 2)", async () => {
    const target = await customerWithSessions(1);
    const cohort = ["--cohort", "list", "--emails", target.email];
    const argsOf: Record<string, string[]> = {
      "end-sessions": cohort,
      "force-reset": cohort,
      lockdown: ["on"],
      "rotate-keys": [],
      notify: ["--subject", "s", "--body", "b", ...cohort],
      timeline: ["--from", "2026-01-01T00:00:00Z"],
    };
    for (const [tool, args] of Object.entries(argsOf)) {
      const { code, io } = await run(tool, args);
      expect(code, tool).toBe(2);
      expect(io.errors.join("\n"), tool).toContain("--reason is required");
    }
    expect(await liveSessions(target.id)).toBe(1);
    expect(await run("no-such-tool", [])).toMatchObject({ code: 2 });
  });

  it("incident:end-sessions ends the listed account's sessions, audited as cli/operator", async () => {
    const target = await customerWithSessions(2);
    const { code, io } = await run("end-sessions", ["--cohort", "list", "--emails", target.email, "--reason", reason, "--operator", operator]);
    expect(code).toBe(0);
    expect(io.lines.join("\n")).toContain("Ended 2 session(s) of 1 account(s).");
    expect(await liveSessions(target.id)).toBe(0);
    expect(await byOperator("incident.sessions_ended")).toEqual([expect.objectContaining({ actorId: "cli", actorRole: "operator", reason })]);
  });

  it("incident:force-reset requires a reset of the listed account", async () => {
    const target = await customerWithSessions(1);
    const { code } = await run("force-reset", ["--cohort", "list", "--emails", target.email, "--reason", reason, "--operator", operator]);
    expect(code).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).passwordResetRequiredAt).toBeInstanceOf(Date);
    expect(await byOperator("incident.password_reset_forced")).toHaveLength(1);
  });

  it("incident:lockdown refuses a short reason and a missing on/off without switching", async () => {
    expect((await run("lockdown", ["on", "--reason", "short", "--operator", operator])).code).toBe(1);
    expect((await run("lockdown", ["--reason", reason, "--operator", operator])).code).toBe(2);
    expect((await getLockdownStatus({ now: Date.now() + 60_000 })).active).toBe(false);
    expect(await byOperator("incident.lockdown_enabled")).toHaveLength(0);
  });

  it("incident:rotate-keys refuses without a configured key ring (the test process has none)", async () => {
    const { code, io } = await run("rotate-keys", ["--reason", reason, "--operator", operator]);
    expect(code).toBe(2);
    expect(io.errors.join("\n")).toContain("FIELD_ENCRYPTION_KEYS is not set");
  });

  it("incident:notify previews without sending, then queues a notice to the list without printing addresses", async () => {
    const target = await customerWithSessions(0);
    const template = ["--subject", "Notice from {{shopName}}", "--body", "Dear {{name}},\n\nDetails follow."];
    const preview = await run("notify", [...template, "--preview", "--reason", reason]);
    expect(preview.code).toBe(0);
    expect(preview.io.lines.join("\n")).toContain("Dear Alex Example,");
    const { code, io } = await run("notify", [...template, "--cohort", "list", "--emails", target.email, "--reason", reason, "--operator", operator]);
    expect(code).toBe(0);
    expect(io.lines.join("\n")).toMatch(/queued for 1 recipient/);
    expect(io.lines.join("\n")).not.toContain(target.email);
    expect(await byOperator("incident.breach_notice_sent")).toHaveLength(1);
    expect((await run("notify", ["--subject", "x", "--body", "{{secret}}", "--cohort", "all_customers", "--reason", reason])).code).toBe(2);
  });

  it("incident:timeline writes the window as CSV to a file (or JSON to stdout), audited", async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const { code } = await run("timeline", ["--from", from, "--to", to, "--out", outFile, "--reason", reason, "--operator", operator]);
    expect(code).toBe(0);
    expect((await readFile(outFile, "utf8")).split("\r\n")[0]).toContain('"time","source"');
    const json = await run("timeline", ["--from", from, "--to", to, "--format", "json", "--reason", reason, "--operator", operator]);
    expect(Array.isArray(JSON.parse(json.io.data.join("")))).toBe(true);
    expect(await byOperator("incident.timeline_exported")).toHaveLength(2);
    expect((await run("timeline", ["--from", to, "--to", from, "--reason", reason])).code).toBe(1);
  });
});
