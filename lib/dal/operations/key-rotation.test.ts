import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { blindIndex } from "@/lib/crypto/blind-index";
import { encryptedColumnName, encryptedColumns } from "@/lib/crypto/encrypted-columns";
import { decryptField, encryptField, envelopeKeyId } from "@/lib/crypto/field-encryption";
import { legacyV1Envelope } from "@/lib/crypto/field-encryption-test-fixtures";
import { type KeyRing, parseKeyRing } from "@/lib/crypto/key-ring";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { type RotationReport, rotateEncryptedFields } from "./key-rotation";
import { testUsers } from "@/lib/dal/test-users";

requireTestDatabaseUrl();

const [k1, k2] = [randomBytes(32).toString("base64"), randomBytes(32).toString("base64")];
const ringA = parseKeyRing(`k1:${k1}`, "k1");
const ringB = parseKeyRing(`k1:${k1},k2:${k2}`, "k2");
const ringC = parseKeyRing(`k2:${k2}`, "k2"); // k1 removed after rotation
const indexKey = randomBytes(32);

const users = testUsers({ defaults: { name: "Rotation Tester" } });
const ADDRESS_FIELDS = ["recipientName", "line1", "line2", "city", "region", "postalCode", "phone"] as const;
type AddressField = (typeof ADDRESS_FIELDS)[number];
/** Plaintexts by "Model.field.rowId", to check every value after rotation. */
const originals = new Map<string, string>();

async function createCustomer(n: number): Promise<string> {
  const { id } = await users.createUser();
  const userPlace = (field: string) => ({ model: "User", field, ownerId: id });
  originals.set(`User.phone.${id}`, `+44 20 7946 00${n}`);
  originals.set(`User.totpSecret.${id}`, `JBSWY3DPEHPK3PXP${n}`);
  await db.user.update({
    where: { id },
    data: {
      phone: encryptField(`+44 20 7946 00${n}`, userPlace("phone"), ringA),
      totpSecret: encryptField(`JBSWY3DPEHPK3PXP${n}`, userPlace("totpSecret"), ringA),
    },
  });
  for (const label of ["home", "work"]) await createAddress(id, `${label} ${n}`, ringA);
  return id;
}

type Seal = (plaintext: string, place: Parameters<typeof encryptField>[1], ring: KeyRing) => string;

async function createAddress(userId: string, label: string, ring = ringA, seal: Seal = encryptField): Promise<string> {
  const plain: Record<AddressField, string> = {
    recipientName: `Ada ${label}`,
    line1: `${label} Street 1`,
    line2: "Flat 2",
    city: "London",
    region: "Greater London",
    postalCode: "SW1A 1AA",
    phone: "+44 20 7946 0000",
  };
  // AAD ownerId is the owning user, recordId the address (lib/crypto/encrypted-columns.ts).
  const id = randomUUID();
  const sealed = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [field, seal(plain[field], { model: "Address", field, ownerId: userId, recordId: id }, ring)]),
  ) as Record<AddressField, string>;
  await db.address.create({
    data: { id, userId, country: "GB", postalCodeIndex: blindIndex(plain.postalCode, "postal-code", indexKey), ...sealed },
    select: { id: true },
  });
  for (const field of ADDRESS_FIELDS) originals.set(`Address.${field}.${id}`, plain[field]);
  return id;
}

/** Every encrypted value of this file's rows, by "Model.field.rowId". */
async function storedValues(): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  const userRows = await db.user.findMany({ where: { id: { in: users.userIds } }, select: { id: true, phone: true, totpSecret: true, totpPendingSecret: true } });
  for (const { id, ...fields } of userRows) for (const [field, value] of Object.entries(fields)) if (value) values.set(`User.${field}.${id}`, value);
  const addressRows = await db.address.findMany({ where: { userId: { in: users.userIds } } });
  for (const row of addressRows) for (const field of ADDRESS_FIELDS) if (row[field]) values.set(`Address.${field}.${row.id}`, row[field]);
  return values;
}

const keyIds = async () => [...(await storedValues()).values()].map(envelopeKeyId);
const count = (report: RotationReport, column: string) => report.columns.find((entry) => entry.column === column);
const total = (report: RotationReport, key: "scanned" | "reencrypted" | "alreadyCurrent" | "failed") =>
  report.columns.reduce((sum, entry) => sum + entry[key], 0);
const rotate = (options: Parameters<typeof rotateEncryptedFields>[0] = {}) => rotateEncryptedFields({ ring: ringB, ownerIds: users.userIds, ...options });

/** Waits until a statement containing `fragment` is blocked on a lock (another connection of the pool). */
async function waitForBlockedUpdate(fragment: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity
      WHERE wait_event_type = 'Lock' AND position(${fragment} in query) > 0`;
    if (Number(rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the rotation never reached the locked row");
}

// 3 users × (phone, totpSecret) + 6 addresses × 7 fields.
const VALUES = 3 * 2 + 6 * 7;

describe("rotateEncryptedFields", () => {
  beforeAll(async () => {
    for (const n of [1, 2, 3]) await createCustomer(n);
  });

  it("on a dry run counts what would change and writes nothing", async () => {
    const before = await storedValues();
    const report = await rotate({ dryRun: true });
    expect(report).toMatchObject({ dryRun: true, currentKeyId: "k2", interrupted: false });
    expect(total(report, "reencrypted")).toBe(VALUES);
    expect(count(report, "User.phone")).toMatchObject({ scanned: 3, reencrypted: 3, alreadyCurrent: 0, failed: 0 });
    expect(count(report, "User.totpPendingSecret")).toMatchObject({ scanned: 0, reencrypted: 0 });
    expect(count(report, "Address.line2")).toMatchObject({ scanned: 6, reencrypted: 6 });
    expect(await storedValues()).toEqual(before);
  });

  let firstRun: RotationReport;

  it("stops after the batch in flight when aborted, leaving some values on each key", async () => {
    const controller = new AbortController();
    const progress: string[] = [];
    firstRun = await rotate({
      batchSize: 2,
      signal: controller.signal,
      onProgress: (step) => {
        progress.push(`${step.column} ${step.scanned}`);
        controller.abort();
      },
    });
    expect(firstRun.interrupted).toBe(true);
    expect(progress).toEqual(["User.phone 2"]);
    expect(total(firstRun, "reencrypted")).toBe(2);
    const ids = await keyIds();
    expect(ids.filter((id) => id === "k2")).toHaveLength(2);
    expect(ids.filter((id) => id === "k1")).toHaveLength(VALUES - 2);
  });

  it("resumes when run again: everything ends on the current key and the counts add up", async () => {
    const second = await rotate({ batchSize: 2 });
    expect(second.interrupted).toBe(false);
    expect(count(second, "User.phone")).toMatchObject({ scanned: 3, reencrypted: 1, alreadyCurrent: 2, failed: 0, conflicts: 0 });
    expect(total(firstRun, "reencrypted") + total(second, "reencrypted")).toBe(VALUES);
    expect(total(second, "scanned")).toBe(VALUES);
    expect(new Set(await keyIds())).toEqual(new Set(["k2"]));
    const third = await rotate();
    expect(total(third, "alreadyCurrent")).toBe(VALUES);
    expect(total(third, "reencrypted")).toBe(0);
  });

  it("leaves every value readable with the old key removed, as the same plaintext", async () => {
    const values = await storedValues();
    expect(values.size).toBe(VALUES);
    for (const [place, envelope] of values) {
      const [model = "", field = "", rowId = ""] = place.split(".");
      const ownerId = model === "User" ? rowId : (await db.address.findUniqueOrThrow({ where: { id: rowId } })).userId;
      expect(decryptField(envelope, { model, field, ownerId, recordId: rowId }, ringC)).toBe(originals.get(place));
    }
  });

  it("never overwrites a value written between its read and its update", async () => {
    const [owner = ""] = users.userIds;
    const address = await createAddress(owner, "concurrent");
    const fresh = encryptField("Manchester", { model: "Address", field: "city", ownerId: owner, recordId: address }, ringB);
    let rotation: Promise<RotationReport> | undefined;
    // The shop's write holds the row lock, uncommitted: rotation reads the old value, then waits on the lock.
    await db.$transaction(async (tx) => {
      await tx.address.update({ where: { id: address }, data: { city: fresh } });
      // Only the city column: a row lock covers the whole row, so another column's update would block first.
      rotation = rotate({ columns: encryptedColumns.filter((column) => encryptedColumnName(column) === "Address.city") });
      await waitForBlockedUpdate('"Address" AS t SET "city"');
    });
    const report = await rotation!;
    expect(count(report, "Address.city")).toMatchObject({ reencrypted: 0, conflicts: 1, failed: 0 });
    expect(report.columns).toHaveLength(1);
    expect((await db.address.findUniqueOrThrow({ where: { id: address } })).city).toBe(fresh);
  });

  it("reports a tampered, unknown-key or moved value as failed (id only) and leaves it unchanged", async () => {
    const [owner = "", other = ""] = users.userIds;
    const tampered = await createAddress(owner, "tampered");
    const moved = await createAddress(owner, "moved");
    const foreign = await createAddress(owner, "foreign", parseKeyRing(`k9:${randomBytes(32).toString("base64")}`, "k9"));
    const city = (await db.address.findUniqueOrThrow({ where: { id: tampered } })).city;
    // Flip one ciphertext character (the IV and tag stay well-formed).
    const at = city.length - 30;
    const bad = `${city.slice(0, at)}${city[at] === "A" ? "B" : "A"}${city.slice(at + 1)}`;
    await db.address.update({ where: { id: tampered }, data: { city: bad } });
    // Re-pointed at another user: its AAD names the first owner, so it must not decrypt.
    await db.address.update({ where: { id: moved }, data: { userId: other } });

    const report = await rotate();
    expect(count(report, "Address.city")?.failedIds.sort()).toEqual([tampered, moved, foreign].sort());
    expect(count(report, "Address.line1")?.failedIds.sort()).toEqual([moved, foreign].sort());
    expect(JSON.stringify(report)).not.toContain(bad); // ids, never values
    const after = await db.address.findUniqueOrThrow({ where: { id: tampered } });
    expect(after.city).toBe(bad);
    expect(envelopeKeyId(after.line1)).toBe("k2"); // the row's other fields were still rotated
    expect(envelopeKeyId((await db.address.findUniqueOrThrow({ where: { id: moved } })).line1)).toBe("k1");
  });

  it("rewrites legacy owner-bound (v1) values as row-bound v2, even under the current key, so a copy no longer decrypts", async () => {
    const { id: owner } = await users.createUser();
    const legacy = await createAddress(owner, "legacy", ringB, legacyV1Envelope);
    const sibling = await createAddress(owner, "sibling", ringB);
    const before = await db.address.findUniqueOrThrow({ where: { id: legacy } });
    expect(before.line1.startsWith("v1.k2.")).toBe(true);

    const report = await rotate({ ownerIds: [owner], columns: encryptedColumns.filter((column) => column.model === "Address") });
    expect(count(report, "Address.line1")).toMatchObject({ scanned: 2, reencrypted: 1, alreadyCurrent: 1, failed: 0 });
    const after = await db.address.findUniqueOrThrow({ where: { id: legacy } });
    expect(after.line1.startsWith("v2.k2.")).toBe(true);
    const place = { model: "Address", field: "line1", ownerId: owner, recordId: legacy };
    expect(decryptField(after.line1, place, ringB)).toBe("legacy Street 1");
    // Copied to the owner's other address, the rewritten value no longer decrypts there.
    expect(() => decryptField(after.line1, { ...place, recordId: sibling }, ringB)).toThrow(/failed authentication/);
  });
});
