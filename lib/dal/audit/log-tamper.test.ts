import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/audit/hash-chain";
import { db } from "@/lib/db";
import { childProcessEnv } from "@/lib/env";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { recordAudit, verifyAuditChain } from "./log";

// What a database superuser (or anyone holding the owner's password) can do
// behind the append-only trigger: rewrite and re-hash entries, remove the
// newest ones, empty the table. The keyed chain and the signed checkpoints,
// both kept outside the database, must each be caught.
const url = requireTestDatabaseUrl();
const context = { ip: "192.0.2.9", userAgent: "vitest audit tamper", requestId: "req-audit-tamper" };
// appendAudit's advisory lock: held while the log is tampered with, so no other suite appends in between.
const CHAIN_LOCK = 7_246_019_341;
let dir: string;
let checkpointFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "audit-checkpoints-"));
  checkpointFile = join(dir, "checkpoints.jsonl");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db.$disconnect();
});

type CommandResult = { code: number | null; stdout: string; stderr: string };

/** An npm script's body (audit:checkpoint, audit:verify) against the test database. */
function runCommand(script: string): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = execFile(
      "tsx",
      ["--conditions=react-server", script],
      { env: childProcessEnv({ DATABASE_URL: url, AUDIT_CHECKPOINT_FILE: checkpointFile, LOG_LEVEL: "silent" }) },
      (error, stdout, stderr) => resolve({ code: error ? (child.exitCode ?? 1) : 0, stdout, stderr }),
    );
  });
}
const writeCheckpoint = () => runCommand("lib/cli/audit-checkpoint-run.ts");
const verifyCommand = () => runCommand("lib/cli/audit-verify-run.ts");

/** A superuser's session with triggers off and the chain lock held; `restore` runs whatever happens. */
async function asSuperuserBehindTriggers(tamper: (client: pg.Client) => Promise<void>, restore: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [CHAIN_LOCK]);
    await client.query("SET session_replication_role = replica");
    try {
      await tamper(client);
    } finally {
      await restore(client); // the test database is shared by the other suites
    }
  } finally {
    await client.end(); // ends the session: releases the lock
  }
}

/** The rows with id >= `fromId`, as JSON, and their deletion and re-insertion. */
async function removeFrom(client: pg.Client, fromId: string): Promise<unknown> {
  const saved = await client.query(`SELECT json_agg(a) AS rows FROM "AuditEntry" a WHERE "id" >= $1`, [fromId]);
  await client.query(`DELETE FROM "AuditEntry" WHERE "id" >= $1`, [fromId]);
  return saved.rows[0]?.rows;
}
async function putBack(client: pg.Client, rows: unknown): Promise<void> {
  if (rows) await client.query(`INSERT INTO "AuditEntry" SELECT * FROM json_populate_recordset(NULL::"AuditEntry", $1)`, [JSON.stringify(rows)]);
}

const entry = (action: string) => ({
  actor: { id: "staff-tamper-test", role: "admin" },
  action,
  target: { type: "order", id: `order-${action}` },
  after: { status: "refunded" },
  reason: "test",
  outcome: "success" as const,
  context,
});

describe("audit log tampering by a database superuser", () => {
  it("catches the newest entry rewritten and re-hashed without the chain key", async () => {
    await recordAudit(entry("test.rehash_target"));
    let forgedId: bigint | undefined;
    let original: { reason: string | null; hash: string } | undefined;
    await asSuperuserBehindTriggers(
      async (client) => {
        // The newest entry: no later link gives a rewrite away, only the hash itself can.
        const row = await db.auditEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
        forgedId = row.id;
        original = { reason: row.reason, hash: row.hash };
        const forged = { ...row, reason: "nothing to see here" };
        const { createdAt, actorId, actorRole, action, targetType, targetId, before, after, reason, outcome, ip, userAgent, requestId } = forged;
        const content = { createdAt, actorId, actorRole, action, targetType, targetId, before, after, reason, outcome, ip, userAgent, requestId };
        // The hash as anyone can compute it from what the database holds (SHA-256 of previous hash and content).
        const rehashed = createHash("sha256").update(row.prevHash).update("\n").update(canonicalJson(content)).digest("hex");
        await client.query(`UPDATE "AuditEntry" SET "reason" = $1, "hash" = $2 WHERE "id" = $3`, [forged.reason, rehashed, row.id]);

        expect((await verifyAuditChain()).broken).toEqual({ id: row.id, problem: "content changed" });
        const command = await verifyCommand();
        expect(command.code).toBe(1);
        expect(command.stderr).toContain(`Audit log BROKEN at entry ${row.id}: content changed`);
      },
      async (client) => {
        if (forgedId !== undefined && original) {
          await client.query(`UPDATE "AuditEntry" SET "reason" = $1, "hash" = $2 WHERE "id" = $3`, [original.reason, original.hash, forgedId]);
        }
      },
    );
    expect((await verifyAuditChain()).broken).toBeNull();
  });

  it("catches the newest entries removed after a checkpoint", async () => {
    for (const i of [1, 2, 3]) await recordAudit(entry(`test.tail_${i}`));
    let removed: unknown;
    await asSuperuserBehindTriggers(
      async (client) => {
        const written = await writeCheckpoint();
        expect(written.code).toBe(0);
        const tail = await db.auditEntry.findMany({ orderBy: { id: "desc" }, take: 2, select: { id: true } });
        removed = await removeFrom(client, tail[1]!.id.toString());
        // What is left still links up: only the checkpoint knows there was more.
        expect((await verifyAuditChain()).broken).toBeNull();
        const command = await verifyCommand();
        expect(command.code).toBe(1);
        expect(command.stderr).toContain(`Audit log BROKEN at entry ${tail[0]!.id}: entries missing since the last checkpoint`);
      },
      (client) => putBack(client, removed),
    );
    const restored = await verifyCommand();
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("Matches the latest checkpoint");
  });

  it("catches the whole table emptied", async () => {
    await recordAudit(entry("test.before_wipe"));
    let removed: unknown;
    await asSuperuserBehindTriggers(
      async (client) => {
        expect((await writeCheckpoint()).code).toBe(0);
        removed = await removeFrom(client, "0");
        expect(await db.auditEntry.count()).toBe(0);
        const command = await verifyCommand();
        expect(command.code).toBe(1);
        expect(command.stderr).toMatch(/Audit log BROKEN at entry \d+: entries missing since the last checkpoint \(0 entries/);
      },
      (client) => putBack(client, removed),
    );
    expect((await verifyCommand()).code).toBe(0);
  });

  it("refuses a checkpoint rewritten to name a shorter chain", async () => {
    await recordAudit(entry("test.checkpoint_forgery"));
    expect((await writeCheckpoint()).code).toBe(0);
    const lines = (await readFile(checkpointFile, "utf8")).trim().split("\n");
    const last = JSON.parse(lines.at(-1)!) as { count: number };
    await writeFile(checkpointFile, `${[...lines.slice(0, -1), JSON.stringify({ ...last, count: last.count - 1 })].join("\n")}\n`);
    const command = await verifyCommand();
    expect(command.code).toBe(1);
    expect(command.stderr).toContain("Audit log BROKEN: checkpoint signature invalid");
  });
});
