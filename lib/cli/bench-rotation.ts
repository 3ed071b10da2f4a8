/**
 * `npm run bench:rotation [-- --rows N] [--batch-size N]`: key-rotation
 * throughput over 100,000 encrypted addresses (7 encrypted columns each) on a
 * throw-away database (embedded unless TEST_DATABASE_URL/DATABASE_URL), plus
 * p50/p99 of one field encrypt and decrypt (the per-field crypto cost).
 *
 * Seeding uses pg directly, as bench:auth does: it is bench set-up, not shop
 * code, and a multi-row INSERT from unnest() arrays is the fastest bulk path
 * short of COPY. The rotation itself is the shop's own DAL function.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "@/prisma/tools/migrations";
import { blindIndex } from "@/lib/crypto/blind-index";
import { encryptField } from "@/lib/crypto/field-encryption";
import { type KeyRing, parseKeyRing } from "@/lib/crypto/key-ring";
import { rotateEncryptedFields } from "@/lib/dal/operations/key-rotation";
import { provisionTestDatabase } from "@/lib/dev-db/provision-test-database";
import { fieldCryptoTimings } from "./crypto-timing";
import { memoryMiB } from "./process-memory";

const { values: args } = parseArgs({ options: { rows: { type: "string", default: "100000" }, "batch-size": { type: "string", default: "500" } } });
const ROWS = Number(args.rows);
const BATCH = Number(args["batch-size"]);
const PER_USER = 10;
const CHUNK = 5_000; // rows per INSERT: bounded memory, few round trips
const SAMPLES = 10_000;
const FIELDS = ["recipientName", "line1", "line2", "city", "region", "postalCode", "phone"] as const;
const log = (line: string) => console.log(`[bench] ${line}`);

const [k1, k2] = [randomBytes(32).toString("base64"), randomBytes(32).toString("base64")];
const ringA = parseKeyRing(`k1:${k1}`, "k1");
const ringB = parseKeyRing(`k1:${k1},k2:${k2}`, "k2");
const ringC = parseKeyRing(`k2:${k2}`, "k2");
const indexKey = randomBytes(32);

/** Plausible address values, varied so ciphertext lengths vary as real ones do. */
function plainAddress(n: number): Record<(typeof FIELDS)[number], string> {
  return {
    recipientName: `Customer ${n} Example-Name`,
    line1: `${(n % 400) + 1} ${["High Street", "Station Road", "Church Lane", "Mill Road"][n % 4]}`,
    line2: n % 3 === 0 ? `Flat ${n % 50}` : "Building B",
    city: ["London", "Manchester", "Leeds", "Bristol", "Glasgow"][n % 5] ?? "London",
    region: "England",
    postalCode: `SW${n % 20} ${n % 10}AA`,
    phone: `+44 20 7946 ${String(n % 10_000).padStart(4, "0")}`,
  };
}

async function seed(client: pg.Client, ring: KeyRing): Promise<void> {
  for (let start = 0; start < ROWS; start += CHUNK) {
    const count = Math.min(CHUNK, ROWS - start);
    const users = Array.from({ length: Math.ceil(count / PER_USER) }, () => randomUUID());
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
       SELECT id, id || '@bench.test', 'Bench Customer', 'not-a-hash', now() FROM unnest($1::text[]) AS u(id)`,
      [users],
    );
    const columns: string[][] = [[], [], [], [], [], [], [], [], []]; // id, userId, 7 fields
    const indexes: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const userId = users[Math.floor(i / PER_USER)] ?? "";
      const plain = plainAddress(start + i);
      const id = randomUUID();
      columns[0]!.push(id);
      columns[1]!.push(userId);
      FIELDS.forEach((field, f) => columns[f + 2]!.push(encryptField(plain[field], { model: "Address", field, ownerId: userId, recordId: id }, ring)));
      indexes.push(blindIndex(plain.postalCode, "postal-code", indexKey));
    }
    await client.query(
      `INSERT INTO "Address" (id, "userId", "${FIELDS.join('", "')}", "postalCodeIndex", country, "updatedAt")
       SELECT *, 'GB', now() FROM unnest(${[...columns, indexes].map((_, i) => `$${i + 1}::text[]`).join(", ")})`,
      [...columns, indexes],
    );
  }
}

if (!Number.isInteger(ROWS) || ROWS < 1 || !Number.isInteger(BATCH) || BATCH < 1) throw new Error("--rows and --batch-size are positive integers");
const database = await provisionTestDatabase();
let status = 0;
log(`Database: ${database.where}`);
try {
  await applyMigrations(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  let started = performance.now();
  try {
    await seed(client, ringA);
    await client.query(`VACUUM ANALYZE "Address"`); // settle visibility and statistics before timing the rotation
  } finally {
    await client.end();
  }
  const seedSeconds = (performance.now() - started) / 1000;
  log(`Seeded ${ROWS} addresses (${ROWS * FIELDS.length} values under k1) in ${seedSeconds.toFixed(1)} s`);

  started = performance.now();
  const report = await rotateEncryptedFields({ databaseUrl: database.url, ring: ringB, batchSize: BATCH });
  const rotateSeconds = (performance.now() - started) / 1000;
  const values = report.columns.reduce((sum, column) => sum + column.reencrypted, 0);
  const failed = report.columns.reduce((sum, column) => sum + column.failed + column.conflicts, 0);

  // Check: with k1 removed, every value is already under k2.
  const check = await rotateEncryptedFields({ databaseUrl: database.url, ring: ringC, batchSize: 5_000, dryRun: true });
  const current = check.columns.reduce((sum, column) => sum + column.alreadyCurrent, 0);

  const { encrypt, decrypt } = fieldCryptoTimings(Array.from({ length: SAMPLES }, (_, i) => plainAddress(i).line1), ringB);

  console.log(`\nKey rotation benchmark (${ROWS} addresses × ${FIELDS.length} encrypted columns, batch ${BATCH})`);
  console.log(`  seed (encrypt + bulk insert)   ${seedSeconds.toFixed(1)} s  (${Math.round(ROWS / seedSeconds)} rows/s)`);
  console.log(`  rotation k1 → k2               ${rotateSeconds.toFixed(1)} s`);
  console.log(`  rotation throughput            ${Math.round(ROWS / rotateSeconds)} rows/s, ${Math.round(values / rotateSeconds)} values/s`);
  console.log(`  values re-encrypted            ${values} (failed or conflicting: ${failed}); under k2 afterwards: ${current}`);
  console.log(`  encryptField per value         p50 ${encrypt.p50.toFixed(1)} µs, p99 ${encrypt.p99.toFixed(1)} µs (${SAMPLES} values)`);
  console.log(`  decryptField per value         p50 ${decrypt.p50.toFixed(1)} µs, p99 ${decrypt.p99.toFixed(1)} µs (${SAMPLES} values)`);
  console.log(`  peak memory (this process)     ${memoryMiB(process.pid).peak} MiB`);
  if (values !== ROWS * FIELDS.length || current !== values) status = 1;
} finally {
  await database.release();
}
// Explicitly: the embedded PostgreSQL's exit hook would otherwise end the process with 0 (see runCli).
process.exit(status);
