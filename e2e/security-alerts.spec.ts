import { randomBytes } from "node:crypto";
import { PgBoss } from "pg-boss";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { savedState } from "./support/saved-state";

const siteUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

/** Asks the worker to run the detection rules now (the schedule would, within a minute). */
async function runDetectionNow(): Promise<void> {
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: "pgboss", supervise: false, schedule: false, migrate: false });
  await boss.start();
  try {
    await boss.send("maintenance", { type: "security.detect" });
  } finally {
    await boss.stop({ graceful: false });
  }
}

test.use({ storageState: savedState("owner") });

test("credential stuffing from one network raises an alert the owner acknowledges with a note", async ({ page, playwright }) => {
  // 20 unknown accounts failing from 20 addresses of one /24, one attempt each (under every per-address limit).
  const [net = 0] = randomBytes(1);
  for (let host = 1; host <= 20; host += 1) {
    const attacker = await playwright.request.newContext({ baseURL: siteUrl, extraHTTPHeaders: { "x-forwarded-for": `100.64.${net}.${host}`, origin: siteUrl } });
    const { csrfToken } = (await (await attacker.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const email = `stuffed-${randomBytes(6).toString("hex")}@example.test`;
    await attacker.post("/api/auth/callback/credentials", { form: { email, password: "correct horse battery", csrfToken, json: "true" } });
    await attacker.dispose();
  }

  await runDetectionNow();
  const subject = `net:100.64.${net}.0/24`;
  await expect
    .poll(async () => (await sql<{ id: string }>(`SELECT id FROM "SecurityAlert" WHERE kind = 'credential_stuffing' AND subject = $1 AND "acknowledgedAt" IS NULL`, [subject])).length, { timeout: 10_000 })
    .toBe(1);
  const [alert] = await sql<{ id: string }>(`SELECT id FROM "SecurityAlert" WHERE subject = $1`, [subject]);

  await page.goto("/admin/security");
  const item = page.getByRole("listitem").filter({ has: page.locator(`input[name=alertId][value="${alert?.id}"]`) });
  await expect(item).toContainText("high · credential stuffing · network 100.64.x.x/24");
  await expect(item).not.toContainText(`100.64.${net}.`);
  await expect(item).toContainText("count 20");

  await item.getByLabel("Note").fill("Blocked 100.64 at the firewall; no account signed in");
  await item.getByRole("button", { name: "Acknowledge" }).click();
  // Closed: the page re-renders without it (its form, and so its notice, go with it).
  await expect(page.locator(`input[name=alertId][value="${alert?.id}"]`)).toHaveCount(0);
  const [stored] = await sql<{ note: string | null; audited: string }>(
    `SELECT a."acknowledgeNote" AS note, (SELECT count(*) FROM "AuditEntry" e WHERE e.action = 'security.alert_acknowledged' AND e."targetId" = a.id)::text AS audited
       FROM "SecurityAlert" a WHERE a.id = $1`,
    [alert?.id],
  );
  expect(stored).toEqual({ note: "Blocked 100.64 at the firewall; no account signed in", audited: "1" });
});
