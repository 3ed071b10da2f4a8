import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { jobHandlers } from "@/lib/jobs/handlers";
import { jobSender, stopJobSender } from "@/lib/queue/sender";
import { type JobWorker, startJobWorker } from "@/lib/jobs/worker-runtime";
import { throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";
import { createStaffAccount } from "./accounts";
import { staffFixtures } from "./test-fixtures";

/**
 * Proof at rest for invitations: after an owner invites a staff member and the
 * real worker has delivered the invitation, a dump of the whole database (job
 * queue included) holds no working set-up link, and the delivered job is gone.
 * Mail is captured instead of sent.
 */
const sent = vi.hoisted(() => [] as { to: string; subject: string; text: string }[]);
vi.mock("@/lib/mail/transport", () => ({ sendMail: async (message: { to: string; subject: string; text: string }) => void sent.push(message) }));

const url = requireTestDatabaseUrl();
const run = promisify(execFile);
const { users } = throttledTestUsers({ name: "Invitation Tester", userAgent: "vitest invitation at rest" });
const { staffViewer } = staffFixtures(users);
const audit = { ip: "192.0.2.62", userAgent: "vitest invitation at rest", requestId: "req-invitation-at-rest" };
// Its own pg-boss schema, so this worker takes only the jobs this test hands it.
const schema = `pgboss_vitest_${randomBytes(6).toString("hex")}`;
const client = new Client({ connectionString: url });
let worker: JobWorker | undefined;

beforeAll(async () => {
  await client.connect();
  await jobSender();
});
afterAll(async () => {
  await worker?.stop();
  await stopJobSender();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** pg_dump when it can read this server (it refuses newer servers), else every table row by row. */
async function dumpDatabase(): Promise<string> {
  try {
    const { stdout } = await run("pg_dump", ["--data-only", "--no-owner", "--dbname", url], { maxBuffer: 1 << 30 });
    return stdout;
  } catch {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    // The names come from pg_tables, quoted by format(%I).
    for (const { name } of tables) parts.push(...(await client.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`)).rows.map((r) => r.row));
    return parts.join("\n");
  }
}

/** Every 43-character base64url window of the text: anything that could be one of our tokens. */
function tokenCandidates(text: string): Set<string> {
  const candidates = new Set<string>();
  for (const [run] of text.matchAll(/[A-Za-z0-9_-]{43,}/g)) {
    for (let start = 0; start + 43 <= run.length; start += 1) candidates.add(run.slice(start, start + 43));
  }
  return candidates;
}

const workingTokenHashes = async () =>
  new Set((await db.accountToken.findMany({ where: { usedAt: null, expiresAt: { gt: new Date() } }, select: { tokenHash: true } })).map((t) => t.tokenHash));

describe("a staff invitation at rest", () => {
  it("leaves no working set-up link in a database dump once the worker has sent it, and no delivered job", async () => {
    const owner = await staffViewer("owner");
    const email = users.newEmail();
    const placeholderHash = await hashPassword(randomBytes(32).toString("base64url"));
    const { userId } = await createStaffAccount({ email, name: "Ivy Invitee", role: "support", passwordHash: null, placeholderHash }, owner, audit);
    users.userIds.push(userId);

    // The invitation's queued jobs (whatever queue they are on) move to this test's own worker.
    const { rows: queued } = await client.query<{ name: string; data: object }>(
      `DELETE FROM pgboss.job WHERE (name = 'mail' AND data->>'to' = $1) OR (name = 'account' AND data->>'userId' = $2) RETURNING name, data`,
      [email, userId],
    );
    expect(queued.length).toBeGreaterThan(0);
    worker = await startJobWorker({ connectionString: url, schema, pollingIntervalSeconds: 0.5, handlers: jobHandlers });
    const ids = await Promise.all(queued.map(({ name, data }) => worker!.boss.send(name, data)));
    await until(async () => sent.some((mail) => mail.to === email));

    const jobRows = (states: string[]) =>
      client.query(`SELECT 1 FROM ${schema}.job WHERE id = ANY($1::uuid[]) AND state::text = ANY($2::text[])`, [ids, states]);
    await until(async () => (await jobRows(["created", "retry", "active"])).rowCount === 0);

    // The mail carries a working link (so the detector below would find it if it were stored)...
    const link = /\/staff\/setup\?token=([A-Za-z0-9_-]{43})/.exec(sent.find((mail) => mail.to === email)?.text ?? "");
    const working = await workingTokenHashes();
    expect(link?.[1] && working.has(hashToken(link[1]))).toBe(true);

    // ...and nothing at rest does.
    const dump = await dumpDatabase();
    expect(dump).toContain(email); // the dump did read the invitee's row
    const leaked = [...tokenCandidates(dump)].filter((candidate) => working.has(hashToken(candidate)));
    expect(leaked).toEqual([]);
    expect(dump).not.toContain("/staff/setup?token=");

    // The worker deleted each delivered job rather than keeping it as "completed" for a week.
    expect((await jobRows(["completed", "failed", "cancelled"])).rowCount).toBe(0);
  }, 60_000);
});
