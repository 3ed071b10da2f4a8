/**
 * Creates verified e2e accounts directly in the database, with the app's own
 * password hashing and field encryption, so a test can start signed in without
 * walking through sign-up, the mailed link and two-factor enrolment (each of
 * which has its own specs). Staff get a confirmed TOTP secret and the current
 * data-handling policy accepted, as the admin requires.
 *
 * Run with the app server's environment (same key ring):
 *   tsx --conditions=react-server e2e/support/create-accounts.ts '<json: {kind, role?}[]>'
 * Prints the accounts created as JSON: { email, name, password, role, secret }[].
 */
import { randomBytes, randomUUID } from "node:crypto";
import { generateSecret } from "otplib";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password/hashing";
import { encryptField } from "@/lib/crypto/field-encryption";
import { POLICY_VERSION } from "@/lib/staff/data-handling-policy";

type Request = { role: "customer" | "owner" | "admin" | "catalog_manager" | "fulfilment" | "support" | "auditor" };

const requests = JSON.parse(process.argv[2] ?? "[]") as Request[];
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  const created = [];
  for (const { role } of requests) {
    const id = randomUUID();
    const tag = randomBytes(5).toString("hex");
    const account = {
      email: `${role.replace("_", "-")}.${tag}@example.test`,
      name: `Robin Tester ${tag}`,
      password: `violet tractor museum ${randomBytes(3).toString("hex")}`,
      role,
      secret: role === "customer" ? null : generateSecret(),
    };
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt", kind, "staffRole", "totpSecret", "totpEnabledAt", "updatedAt")
       VALUES ($1, $2, $3, $4, now(), $5, $6, $7, $8, now())`,
      [
        id,
        account.email,
        account.name,
        await hashPassword(account.password),
        account.secret ? "staff" : "customer",
        account.secret ? role : null,
        account.secret ? encryptField(account.secret, { model: "User", field: "totpSecret", ownerId: id }) : null,
        account.secret ? new Date() : null,
      ],
    );
    if (account.secret) {
      await client.query(`INSERT INTO "PolicyAcceptance" (id, "userId", version) VALUES ($1, $2, $3)`, [randomUUID(), id, POLICY_VERSION]);
    }
    created.push(account);
  }
  process.stdout.write(JSON.stringify(created));
} finally {
  await client.end();
}
