import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireTestDatabaseUrl, withDatabase } from "@/lib/dev-db/test-database";
import { createSendOnlyBoss, createWorkerBoss, installJobQueues, queues } from "@/lib/queue/boss";
import { migrateShopDatabase } from "./migrate-shop-database";

// Two roles, as in production: the owner migrates, the application connects as
// a role that owns nothing. Neither is a superuser.
const serverUrl = requireTestDatabaseUrl();
const suffix = randomBytes(4).toString("hex");
const owner = `shop_owner_${suffix}`;
const app = `shop_app_${suffix}`;
const database = `shop_roles_${suffix}`;

function asRole(role: string): string {
  const url = new URL(withDatabase(serverUrl, database));
  url.username = role;
  url.password = "";
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const asServerAdmin = (sql: string) => withClient(withDatabase(serverUrl, "postgres"), (client) => client.query(sql));

beforeAll(async () => {
  await asServerAdmin(`CREATE ROLE ${owner} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  await asServerAdmin(`CREATE ROLE ${app} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  await asServerAdmin(`CREATE DATABASE ${database} OWNER ${owner}`);
  await migrateShopDatabase({ ownerUrl: asRole(owner), appUrl: asRole(app) });
}, 180_000);

afterAll(async () => {
  await asServerAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await asServerAdmin(`DROP ROLE IF EXISTS ${app}`);
  await asServerAdmin(`DROP ROLE IF EXISTS ${owner}`);
});

const appendRow = (client: pg.Client, action: string) =>
  client.query(
    `INSERT INTO "AuditEntry" ("createdAt", "action", "outcome", "prevHash", "hash", "hashVersion")
     VALUES (now(), $1, 'success', $2, $3, 2) RETURNING "id"`,
    [action, "0".repeat(64), randomBytes(32).toString("hex")],
  );

describe("the application's database role", () => {
  it("appends to the audit log but cannot change, remove or unprotect it", async () => {
    await withClient(asRole(app), async (client) => {
      const { rows } = await appendRow(client, "test.app_role_append");
      const id = String(rows[0]?.id);
      expect(Number(id)).toBeGreaterThan(0);
      await expect(client.query(`UPDATE "AuditEntry" SET "reason" = 'edited' WHERE "id" = $1`, [id])).rejects.toThrow(/permission denied/);
      await expect(client.query(`DELETE FROM "AuditEntry" WHERE "id" = $1`, [id])).rejects.toThrow(/permission denied/);
      await expect(client.query(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
      await expect(client.query(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "sql_audit_entry_no_update_or_delete"`)).rejects.toThrow(/must be owner/);
      await expect(client.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`DROP TABLE "AuditEntry"`)).rejects.toThrow(/must be owner/);
      // A role cannot grant itself what it was not given: PostgreSQL warns and grants nothing.
      await client.query(`GRANT UPDATE ON "AuditEntry" TO ${app}`);
      await expect(client.query(`UPDATE "AuditEntry" SET "reason" = 'edited' WHERE "id" = $1`, [id])).rejects.toThrow(/permission denied/);
      expect((await client.query(`SELECT "reason" FROM "AuditEntry" WHERE "id" = $1`, [id])).rows).toEqual([{ reason: null }]);
    });
  });

  it("owns no table and may not create any", async () => {
    await withClient(asRole(app), async (client) => {
      const owned = await client.query(`SELECT tablename FROM pg_tables WHERE tableowner = current_user`);
      expect(owned.rows).toEqual([]);
      await expect(client.query(`CREATE TABLE public.sneaky (id int)`)).rejects.toThrow(/permission denied/);
    });
  });

  it("reads and writes the shop's other tables", async () => {
    await withClient(asRole(app), async (client) => {
      const category = await client.query(
        `INSERT INTO "Category" ("id", "slug", "name", "description") VALUES ($1, $1, 'Roles', 'test') RETURNING "id"`,
        [`roles-${suffix}`],
      );
      await client.query(`UPDATE "Category" SET "name" = 'Roles 2' WHERE "id" = $1`, [category.rows[0]?.id]);
      await client.query(`DELETE FROM "Category" WHERE "id" = $1`, [category.rows[0]?.id]);
    });
  });

  it("runs the job queue the owner installed", async () => {
    // The web process's own start-up (installJobQueues finds the schema current), then a send.
    await installJobQueues({ connectionString: asRole(app) });
    const boss = createSendOnlyBoss({ connectionString: asRole(app) });
    await boss.start();
    try {
      expect(await boss.send(queues.maintenance, { type: "retention.sweep" })).toEqual(expect.any(String));
    } finally {
      await boss.stop({ graceful: false });
    }
    // The worker's instance: supervision and the schedules (the audit checkpoint's among them).
    const worker = createWorkerBoss({ connectionString: asRole(app) });
    await worker.start();
    try {
      await worker.schedule(queues.maintenance, "* * * * *", { type: "audit.checkpoint" }, { tz: "UTC", key: "audit-checkpoint" });
      expect((await worker.getSchedules()).map((schedule) => schedule.key)).toContain("audit-checkpoint");
    } finally {
      await worker.stop({ graceful: false });
    }
  });

  it("is still refused by the trigger where the owner connects", async () => {
    // The owner can alter its table (that is what checkpoints are for), but does not bypass the trigger by accident.
    await withClient(asRole(owner), async (client) => {
      await expect(client.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
    });
  });
});
