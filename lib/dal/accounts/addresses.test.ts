import { describe, expect, it } from "vitest";
import type { AddressInput } from "@/lib/addresses/address-schema";
import { isEncryptedEnvelope } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import {
  createMyAddress,
  deleteMyAddress,
  getMyAddress,
  listMyAddresses,
  setMyDefaultAddress,
  updateMyAddress,
} from "./addresses";
import { UNREADABLE_VALUE } from "@/lib/crypto/readable-field";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { testUsers } from "@/lib/dal/test-users";

requireTestDatabaseUrl();

const users = testUsers({ defaults: { name: "Address Tester" } });

async function viewer(): Promise<ActiveSession> {
  const user = await users.createUser();
  return {
    sessionId: "test",
    userId: user.id,
    audience: "customer",
    persistent: false,
    secondFactorPending: false,
    reauthenticatedAt: new Date(),
    assurance: { method: "password", passwordVerifiedAt: new Date(), secondFactorVerifiedAt: null },
    user: { name: "Address Tester", email: user.email, emailVerified: true, twoFactorEnabled: false },
  };
}

const home: AddressInput = {
  recipientName: "Jane Roe",
  line1: "1 Main Street",
  line2: "Flat 4",
  city: "Springfield",
  region: "IL",
  postalCode: "62704",
  country: "US",
  phone: "+1 555 0100",
  isDefault: false,
};

describe("address book", () => {
  it("stores every field but the country encrypted, and gives the owner the plain values back", async () => {
    const owner = await viewer();
    const id = await createMyAddress(owner, home);
    const row = await db.address.findUniqueOrThrow({ where: { id } });
    for (const field of ["recipientName", "line1", "line2", "city", "region", "postalCode", "phone"] as const) {
      expect(isEncryptedEnvelope(row[field] ?? ""), field).toBe(true);
      // A short value ("IL") turns up by chance inside random base64 one run in five; long ones prove the point.
      if (String(home[field]).length >= 6) expect(JSON.stringify(row)).not.toContain(String(home[field]));
    }
    expect(row.country).toBe("US");
    expect(await getMyAddress(owner, id)).toEqual({ id, ...home, isDefault: true });
  });

  it("finds addresses by a blind index of the postal code, whatever its spacing or case", async () => {
    const owner = await viewer();
    const first = await createMyAddress(owner, { ...home, country: "GB", postalCode: "SW1A 1AA" });
    const second = await createMyAddress(owner, { ...home, country: "GB", postalCode: "sw1a1aa" });
    const [a, b] = await Promise.all([first, second].map((id) => db.address.findUniqueOrThrow({ where: { id } })));
    expect(a?.postalCodeIndex).toMatch(/^[0-9a-f]{64}$/);
    expect(a?.postalCodeIndex).toBe(b?.postalCodeIndex);
    expect(a?.postalCode).not.toBe(b?.postalCode);
  });

  it("refuses another customer's address id for every operation and changes nothing", async () => {
    const owner = await viewer();
    const intruder = await viewer();
    const id = await createMyAddress(owner, home);
    const before = await db.address.findUniqueOrThrow({ where: { id } });
    expect(await getMyAddress(intruder, id)).toBeNull();
    expect(await updateMyAddress(intruder, id, { ...home, line1: "Hijacked" })).toBe(false);
    expect(await setMyDefaultAddress(intruder, id)).toBe(false);
    expect(await deleteMyAddress(intruder, id)).toBe(false);
    expect(await db.address.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await listMyAddresses(intruder)).toEqual([]);
  });

  it("keeps exactly one default: the first address, a new default, or the next one after a delete", async () => {
    const owner = await viewer();
    const first = await createMyAddress(owner, home);
    const second = await createMyAddress(owner, { ...home, line1: "2 Main Street", isDefault: true });
    const defaults = async () => (await listMyAddresses(owner)).filter((a) => a.isDefault).map((a) => a.id);
    expect(await defaults()).toEqual([second]);
    expect(await setMyDefaultAddress(owner, first)).toBe(true);
    expect(await defaults()).toEqual([first]);
    expect(await deleteMyAddress(owner, first)).toBe(true);
    expect(await defaults()).toEqual([second]);
  });

  it("does not decrypt a value copied into another customer's row: it reads as unreadable, the rest still shows", async () => {
    const owner = await viewer();
    const other = await viewer();
    const stolen = await db.address.findUniqueOrThrow({ where: { id: await createMyAddress(owner, home) } });
    const target = await createMyAddress(other, { ...home, line1: "9 Other Road" });
    await db.address.update({ where: { id: target }, data: { line1: stolen.line1 } });
    expect(await getMyAddress(other, target)).toMatchObject({ line1: UNREADABLE_VALUE, city: home.city, postalCode: home.postalCode });
  });

  it("binds each value to its own address: copied to another address of the same customer, it does not decrypt", async () => {
    const owner = await viewer();
    const source = await createMyAddress(owner, { ...home, line1: "1 Secret Lane" });
    const target = await createMyAddress(owner, { ...home, line1: "2 Public Road" });
    const copied = (await db.address.findUniqueOrThrow({ where: { id: source } })).line1;
    await db.address.update({ where: { id: target }, data: { line1: copied } });
    const shown = await getMyAddress(owner, target);
    expect(shown?.line1).toBe(UNREADABLE_VALUE);
    expect(JSON.stringify(await listMyAddresses(owner))).not.toMatch(/Secret Lane.*Secret Lane/);
    // An edit writes a fresh value bound to this row.
    expect(await updateMyAddress(owner, target, { ...home, line1: "2 Public Road" })).toBe(true);
    expect((await getMyAddress(owner, target))?.line1).toBe("2 Public Road");
  });
});
