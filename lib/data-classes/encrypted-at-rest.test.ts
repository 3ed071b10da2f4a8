import { randomBytes, randomUUID } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { plainValuesIn } from "@/lib/crypto/plain-values";
import { dataClasses } from "./schema-classes";

/** Integration test against the test database: every `@encrypted` column holds envelopes only. */
const client = new Client({ connectionString: requireTestDatabaseUrl() });
const userPhone = dataClasses.encryptedFields().filter((entry) => entry.model === "User" && entry.field === "phone");

beforeAll(async () => {
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

/** Inserts a user with the given phone inside an open transaction (rolled back by the caller). */
async function insertUserWithPhone(phone: string): Promise<void> {
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", phone, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
    [`vitest-${randomUUID()}`, `plain-${randomUUID()}@example.test`, "Plain Phone", "not-a-hash", phone],
  );
}

describe("encrypted fields at rest", () => {
  it("covers the fields the schema marks @encrypted", () => {
    const names = dataClasses.encryptedFields().map((entry) => `${entry.model}.${entry.field}`);
    expect(names).toEqual(expect.arrayContaining(["User.phone", "User.totpSecret", "Address.line1", "Address.phone"]));
    expect(userPhone).toHaveLength(1);
  });

  it("finds a plain value written to an encrypted column, and passes an envelope", async () => {
    // Inside a transaction that is rolled back: no other test ever sees these rows.
    await client.query("BEGIN");
    try {
      const envelope = `v1.k1.${randomBytes(12).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
      await insertUserWithPhone(envelope);
      expect(await plainValuesIn(client, userPhone)).toEqual([]);
      await insertUserWithPhone("+1 555 0100");
      expect(await plainValuesIn(client, userPhone)).toEqual([{ model: "User", field: "phone", count: 1 }]);
    } finally {
      await client.query("ROLLBACK");
    }
  });

  it("holds no plain value in any encrypted column of the database", async () => {
    const offenders = await plainValuesIn(client, dataClasses.encryptedFields());
    const message = offenders.map((entry) => `${entry.model}.${entry.field}: ${entry.count} plain value(s)`).join("\n");
    expect(offenders, message).toEqual([]);
  });
});
