import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { encryptField } from "@/lib/crypto/field-encryption";
import { createMyAddress } from "@/lib/dal/accounts/addresses";
import { testCheckoutSettings } from "@/lib/dal/orders/test-fixtures";
import { placeOrder } from "@/lib/dal/orders/orders";
import { signedInViewer } from "@/lib/dal/sessions/test-fixtures";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { codeAt, currentStep, freshStep, throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";
import { confirmTwoFactorEnrollment, getTwoFactorStatus, startTwoFactorEnrollment } from "@/lib/dal/two-factor/settings";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { jobSender, stopJobSender } from "@/lib/queue/sender";

/**
 * Proof at rest: what someone holding a database dump (a stolen backup) would
 * read. Customers are seeded through the real code paths with distinctive
 * values; none of them may appear in the dump, and every password is an
 * argon2id hash. Emails are stored plain by design (sign-in looks them up), so
 * they are not asserted on.
 */
const url = requireTestDatabaseUrl();
const run = promisify(execFile);
const { users, newContext } = throttledTestUsers({ name: "Dump Tester", userAgent: "vitest at-rest dump" });
const client = new Client({ connectionString: url });

beforeAll(async () => {
  await client.connect();
  await jobSender(); // the order below queues its reservation expiry
});
afterAll(async () => {
  await stopJobSender();
  await client.end();
});

type Dump = { method: string; text: string; passwordHashes: string[] };

/** The major version of the pg_dump on the PATH, or null when there is none. */
async function pgDumpMajor(): Promise<number | null> {
  try {
    const { stdout } = await run("pg_dump", ["--version"]);
    const match = /(\d+)(?:\.\d+)?/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The server's major version, asked on a connection of its own (this runs before the hooks). */
async function serverMajor(): Promise<number> {
  const probe = new Client({ connectionString: url });
  await probe.connect();
  try {
    const { rows } = await probe.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  } finally {
    await probe.end();
  }
}

/** `pg_dump --data-only`; the passwords are read from the COPY block of "User". */
async function pgDump(): Promise<Dump> {
  const { stdout } = await run("pg_dump", ["--data-only", "--no-owner", "--dbname", url], { maxBuffer: 1 << 30 });
  const lines = stdout.split("\n");
  const start = lines.findIndex((line) => line.startsWith('COPY public."User" ('));
  const columns = /\(([^)]*)\)/.exec(lines[start] ?? "")?.[1]?.split(", ") ?? [];
  const index = columns.indexOf('"passwordHash"');
  if (start < 0 || index < 0) throw new Error("The dump has no User table or passwordHash column.");
  const rows = lines.slice(start + 1, lines.indexOf("\\.", start));
  return { method: pgDumpMethod, text: stdout, passwordHashes: rows.map((row) => row.split("\t")[index] ?? "") };
}

/**
 * When pg_dump is older than the server it refuses to run (e.g. Debian's 15
 * against the embedded PostgreSQL 18). Then every table outside the system
 * schemas is read row by row as JSON: pg-copy-streams (for COPY … TO STDOUT)
 * is not installed, and row_to_json sees exactly the stored column values.
 */
async function rowDump(): Promise<Dump> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    // The names come from pg_tables and are quoted by format(%I), never from input.
    const { rows } = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${name} t`);
    parts.push(`-- ${name}`, ...rows.map((row) => row.row));
  }
  const { rows } = await client.query<{ hash: string }>(`SELECT "passwordHash" AS hash FROM "User"`);
  return { method: rowMethod, text: parts.join("\n"), passwordHashes: rows.map((row) => row.hash) };
}

// Chosen before the tests are collected, so the test's name says which method ran; never skipped.
const dumpMajor = await pgDumpMajor();
const usePgDump = dumpMajor !== null && dumpMajor >= (await serverMajor());
const pgDumpMethod = `pg_dump ${dumpMajor} --data-only`;
const rowMethod = "row_to_json of every table";
// The row reading always runs too (it needs no client tools), so the fallback is proven wherever pg_dump works.
const method = usePgDump ? `${pgDumpMethod} and ${rowMethod}` : `${rowMethod} (pg_dump missing or older than the server)`;

const tag = randomBytes(3).toString("hex");
const secrets = {
  phone: "+44 7700 900123",
  addressPhone: "+44 7700 900987",
  recipientName: `Xanthippe Quillfeather ${tag}`,
  line1: "Zyxwvut Lane 4242",
  line2: `Flat Qoppa ${tag}`,
  city: "Vexhollow Quay",
  region: "Qarthshire",
  postalCode: "QX9 4ZZ",
};

describe("a database dump", () => {
  it(`holds none of the seeded personal values or secrets, and only argon2id passwords — via ${method}`, async () => {
    const user = await users.createUser({ passwordHash: await hashPassword(`dump test ${tag} passphrase`), emailVerifiedAt: new Date() });
    // Two-factor enrolment reads the session's own row: a real session.
    const viewer = await signedInViewer(user.id, newContext());
    // No DAL function sets the account phone yet; it is written encrypted the way one would.
    const phone = encryptField(secrets.phone, { model: "User", field: "phone", ownerId: user.id });
    await client.query(`UPDATE "User" SET phone = $1 WHERE id = $2`, [phone, user.id]);
    await createMyAddress(viewer, { ...secrets, phone: secrets.addressPhone, country: "GB", isDefault: true });
    await startTwoFactorEnrollment(viewer);
    const totpSecret = (await getTwoFactorStatus(viewer)).enrollment?.secret;
    if (!totpSecret) throw new Error("no enrolment secret");
    await freshStep();
    expect((await confirmTwoFactorEnrollment(viewer, { code: codeAt(totpSecret, currentStep()), context: newContext() })).ok).toBe(true);
    const productId = await orderShippedTo(viewer);

    try {
      await checkDumps(user.id, totpSecret);
    } finally {
      await client.query(`DELETE FROM "Order" WHERE "userId" = $1`, [user.id]);
      await client.query(`DELETE FROM "Product" WHERE id = $1`, [productId]);
    }
  });
});

/** An order shipped to the secret address: its snapshot must be as unreadable in the dump as the address book. */
async function orderShippedTo(viewer: ActiveSession): Promise<string> {
  const productId = `at-rest-${tag}`;
  await client.query(
    `INSERT INTO "Product" (id, slug, name, description, "priceMinor", currency, "imagePath", "categoryId", "updatedAt")
     SELECT $1, $1, 'Dump test product', 'x', 1000, 'USD', '/x.svg', id, now() FROM "Category" LIMIT 1`,
    [productId],
  );
  await client.query(
    `INSERT INTO "ProductVariant" (id, "productId", sku, "optionValues", "priceMinor", stock, "updatedAt") VALUES ($1, $1, upper($1), '{}', 1000, 5, now())`,
    [productId],
  );
  await client.query(`INSERT INTO "Cart" (id, "userId", "updatedAt") VALUES ($1, $1, now())`, [viewer.userId]);
  await client.query(`INSERT INTO "CartItem" (id, "cartId", "variantId", quantity, "updatedAt") VALUES ($1, $2, $3, 1, now())`, [
    `at-rest-item-${tag}`,
    viewer.userId,
    productId,
  ]);
  const newAddress = { ...secrets, phone: secrets.addressPhone, country: "GB", isDefault: false };
  await placeOrder(viewer, { shippingRateId: "standard", address: { newAddress, save: false } }, testCheckoutSettings);
  return productId;
}

async function checkDumps(userId: string, totpSecret: string) {
  for (const dump of usePgDump ? [await pgDump(), await rowDump()] : [await rowDump()]) {
    // The seeded rows are in it: an empty or wrong dump cannot pass.
    expect(dump.text, dump.method).toContain(userId);
    expect(dump.text, `the order is in the dump (${dump.method})`).toContain("Dump test product");
    for (const [field, value] of Object.entries({ ...secrets, totpSecret })) {
      expect(dump.text.includes(value), `${field} appears in plain text (${dump.method})`).toBe(false);
    }
    expect(dump.passwordHashes.length, dump.method).toBeGreaterThan(0);
    const weak = dump.passwordHashes.filter((hash) => !hash.startsWith("$argon2id$"));
    expect(weak.length, `password(s) not stored as argon2id (${dump.method})`).toBe(0);
  }
}
