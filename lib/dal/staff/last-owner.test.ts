import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { StaffRoleName } from "@/lib/auth/permissions";
import { ensureDatabase } from "@/lib/dev-db/embedded-postgres";
import { requireTestDatabaseUrl, withDatabase } from "@/lib/dev-db/test-database";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/prisma/tools/migrations";
import { changeStaffRole, deactivateStaff, StaffAccountError } from "./accounts";
import type { StaffViewer } from "./members";

/*
 * "The last owner" is a property of the whole database, and other suites
 * (and a demo's own owner) create owners at any time. So these tests run on a
 * database of their own, migrated from scratch, where the owners they make
 * are the only ones: the DAL's client is pointed at it for this file.
 */
const isolated = vi.hoisted(() => ({ client: undefined as unknown as object }));

vi.mock("@/lib/db", () => ({
  db: new Proxy(
    {},
    {
      get(_target, property) {
        const value: unknown = Reflect.get(isolated.client, property);
        return typeof value === "function" ? value.bind(isolated.client) : value;
      },
    },
  ),
}));

const serverUrl = requireTestDatabaseUrl();
const name = `staff_owners_${randomBytes(4).toString("hex")}`;
const url = withDatabase(serverUrl, name);
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
const audit = { ip: "192.0.2.62", userAgent: "vitest last owner", requestId: null };

beforeAll(async () => {
  await ensureDatabase(withDatabase(serverUrl, "postgres"), name);
  await applyMigrations(url);
  isolated.client = prisma;
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await admin.end();
});

// Each test starts with no active owner: the ones it makes are the only ones.
beforeEach(async () => {
  await prisma.user.updateMany({ where: { staffRole: "owner", deactivatedAt: null }, data: { deactivatedAt: new Date() } });
});

async function staff(role: StaffRoleName): Promise<StaffViewer> {
  const user = await prisma.user.create({
    data: { email: `owner-test-${randomBytes(6).toString("hex")}@example.test`, name: `Staff ${role}`, kind: "staff", staffRole: role, passwordHash: "$argon2id$not-a-real-hash" },
    select: { id: true, name: true, email: true },
  });
  return { userId: user.id, sessionId: "test", role, name: user.name, email: user.email, reauthenticatedAt: new Date(), policyAccepted: true };
}

const activeOwners = () => prisma.user.count({ where: { staffRole: "owner", deactivatedAt: null } });

/** Settles both calls; returns how many succeeded, and that every failure was the rule's own refusal. */
async function race(calls: Promise<void>[]) {
  const results = await Promise.allSettled(calls);
  for (const result of results) if (result.status === "rejected") expect(result.reason).toBeInstanceOf(StaffAccountError);
  return results.filter((result) => result.status === "fulfilled").length;
}

describe("the last owner", () => {
  it("cannot be demoted, while an owner with a second owner beside them can step down", async () => {
    const first = await staff("owner");
    await expect(changeStaffRole(first, first.userId, "admin", audit)).rejects.toMatchObject({ code: "last_owner_demotion" });
    expect(await activeOwners()).toBe(1);

    const second = await staff("owner");
    await changeStaffRole(first, first.userId, "admin", audit);
    expect(await activeOwners()).toBe(1);
    await expect(changeStaffRole(second, second.userId, "admin", audit)).rejects.toMatchObject({ code: "last_owner_demotion" });
  });

  it("cannot be deactivated, even by an owner whose own removal is still in flight", async () => {
    const first = await staff("owner");
    const second = await staff("owner");
    await deactivateStaff(first, second.userId, audit);
    // `second` loaded the page before being removed and now tries to remove the other owner.
    await expect(deactivateStaff(second, first.userId, audit)).rejects.toMatchObject({ code: "last_owner_removal" });
    expect(await activeOwners()).toBe(1);
  });

  it("survives two demotions racing on the only two owners", async () => {
    for (let round = 0; round < 5; round += 1) {
      await prisma.user.updateMany({ where: { staffRole: "owner", deactivatedAt: null }, data: { deactivatedAt: new Date() } });
      const first = await staff("owner");
      const second = await staff("owner");
      const succeeded = await race([changeStaffRole(first, second.userId, "admin", audit), changeStaffRole(second, first.userId, "admin", audit)]);
      expect(succeeded).toBe(1);
      expect(await activeOwners()).toBe(1);
    }
  });

  it("survives two owners stepping down at the same time", async () => {
    for (let round = 0; round < 5; round += 1) {
      await prisma.user.updateMany({ where: { staffRole: "owner", deactivatedAt: null }, data: { deactivatedAt: new Date() } });
      const first = await staff("owner");
      const second = await staff("owner");
      const succeeded = await race([changeStaffRole(first, first.userId, "support", audit), changeStaffRole(second, second.userId, "support", audit)]);
      expect(succeeded).toBe(1);
      expect(await activeOwners()).toBe(1);
    }
  });

  it("survives two owners deactivating each other at the same time", async () => {
    for (let round = 0; round < 5; round += 1) {
      await prisma.user.updateMany({ where: { staffRole: "owner", deactivatedAt: null }, data: { deactivatedAt: new Date() } });
      const first = await staff("owner");
      const second = await staff("owner");
      const succeeded = await race([deactivateStaff(first, second.userId, audit), deactivateStaff(second, first.userId, audit)]);
      expect(succeeded).toBe(1);
      expect(await activeOwners()).toBe(1);
    }
  });
});
