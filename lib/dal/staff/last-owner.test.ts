import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { canAssignRole, STAFF_ROLES, type StaffRoleName } from "@/lib/auth/permissions";
import { ensureDatabase } from "@/lib/dev-db/embedded-postgres";
import { requireTestDatabaseUrl, withDatabase } from "@/lib/dev-db/test-database";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/prisma/tools/migrations";
import { changeStaffRole, deactivateStaff, listStaff } from "./accounts";
import { StaffAccountError } from "./account-errors";
import { PermissionDeniedError } from "./permission";
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
  it("cannot be demoted, while an owner with a second owner beside them can be", async () => {
    const first = await staff("owner");
    const second = await staff("owner");
    await changeStaffRole(second, first.userId, "admin", audit);
    expect(await activeOwners()).toBe(1);
    // `first` loaded the page as an owner before the change and now tries to demote the other owner.
    await expect(changeStaffRole(first, second.userId, "admin", audit)).rejects.toMatchObject({ code: "last_owner_demotion" });
    expect(await activeOwners()).toBe(1);
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

  it("cannot step down alone: two owners changing their own roles at the same time are both refused", async () => {
    const first = await staff("owner");
    const second = await staff("owner");
    const succeeded = await race([changeStaffRole(first, first.userId, "support", audit), changeStaffRole(second, second.userId, "support", audit)]);
    expect(succeeded).toBe(0);
    expect(await activeOwners()).toBe(2);
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

type TargetKind = "self" | "other owner" | "last owner" | "lower role" | "deactivated";

/**
 * A viewer and a staff member in the given relation, on a database whose only
 * active owners are the ones made here. For "last owner" an owner viewer is
 * one whose account was deactivated after their page loaded, so the target is
 * the only active owner.
 */
async function arrange(viewerRole: StaffRoleName, kind: TargetKind): Promise<{ viewer: StaffViewer; targetId: string }> {
  await prisma.user.updateMany({ where: { staffRole: "owner", deactivatedAt: null }, data: { deactivatedAt: new Date() } });
  const viewer = await staff(viewerRole);
  const deactivate = (id: string) => prisma.user.update({ where: { id }, data: { deactivatedAt: new Date() } });
  switch (kind) {
    case "self":
      return { viewer, targetId: viewer.userId };
    case "other owner": {
      await staff("owner");
      return { viewer, targetId: (await staff("owner")).userId };
    }
    case "last owner": {
      await prisma.user.updateMany({ where: { staffRole: "owner", deactivatedAt: null }, data: { deactivatedAt: new Date() } });
      return { viewer, targetId: (await staff("owner")).userId };
    }
    case "lower role":
      return { viewer, targetId: (await staff("support")).userId };
    case "deactivated": {
      const target = await staff("support");
      await deactivate(target.userId);
      return { viewer, targetId: target.userId };
    }
  }
}

/** Whether a mutation went through; a refusal must be one of the rules' own. */
const accepted = (call: Promise<void>) =>
  call.then(
    () => true,
    (error: unknown) => {
      expect(error instanceof StaffAccountError || error instanceof PermissionDeniedError).toBe(true);
      return false;
    },
  );

describe("a staff member's actions in the staff list", () => {
  const yes = { changeRole: true, deactivate: true };
  const no = { changeRole: false, deactivate: false };
  const expected: Record<"owner" | "admin" | "auditor", Record<TargetKind, { changeRole: boolean; deactivate: boolean }>> = {
    owner: { self: no, "other owner": yes, "last owner": no, "lower role": yes, deactivated: no },
    admin: { self: no, "other owner": no, "last owner": no, "lower role": yes, deactivated: no },
    auditor: { self: no, "other owner": no, "last owner": no, "lower role": no, deactivated: no },
  };
  const cases = (["owner", "admin", "auditor"] as const).flatMap((viewerRole) =>
    (["self", "other owner", "last owner", "lower role", "deactivated"] as const).map((kind) => ({ viewerRole, kind })),
  );

  it.each(cases)("equal what the mutations accept: $viewerRole viewing $kind", async ({ viewerRole, kind }) => {
    const shown = await arrange(viewerRole, kind);
    const actions = (await listStaff(shown.viewer)).find((member) => member.id === shown.targetId)?.actions;
    expect(actions).toEqual(expected[viewerRole][kind]);

    const target = await prisma.user.findUniqueOrThrow({ where: { id: shown.targetId }, select: { staffRole: true } });
    const current = target.staffRole ?? "support";
    const newRole = STAFF_ROLES.find((role) => role !== current && canAssignRole(viewerRole, role)) ?? STAFF_ROLES.find((role) => role !== current) ?? "support";
    // Each mutation on a fresh arrangement: the first one's change must not decide the second.
    const roleChange = await arrange(viewerRole, kind);
    const changeRole = await accepted(changeStaffRole(roleChange.viewer, roleChange.targetId, newRole, audit));
    const deactivation = await arrange(viewerRole, kind);
    const deactivate = await accepted(deactivateStaff(deactivation.viewer, deactivation.targetId, audit));
    expect({ changeRole, deactivate }).toEqual(actions);
  });
});
