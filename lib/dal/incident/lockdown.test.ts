import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { assertShopOpen, getLockdownStatus, LOCKDOWN_CACHE_MS, ShopLockedDownError } from "@/lib/dal/lockdown/state";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { setLockdown } from "./lockdown";
import { incidentFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

// A row of this file's own: the shop's row ("shop") is left alone, so other suites' checkouts stay open.
const row = `t${randomBytes(4).toString("hex")}`;
const { context, staffActor, staleStepUp, auditEntries } = incidentFixtures("lockdown");
const reason = "INC-44: card-testing attack on checkout";

afterAll(async () => {
  await db.lockdownState.deleteMany({ where: { id: row } });
});

describe("setLockdown (incident tool 3)", () => {
  it("refuses an admin, a missing reason and a stale step-up; the shop stays open", async () => {
    await expect(setLockdown(await staffActor("admin"), { active: true, reason }, context, { row })).rejects.toBeInstanceOf(PermissionDeniedError);
    const owner = await staffActor("owner");
    expect(await setLockdown(owner, { active: true, reason: "" }, context, { row })).toEqual({ ok: false, code: "reason_invalid" });
    expect(await setLockdown({ ...owner, viewer: { ...owner.viewer, ...staleStepUp } }, { active: true, reason }, context, { row })).toEqual({ ok: false, code: "step_up_required" });
    expect((await getLockdownStatus({ row })).active).toBe(false);
    await expect(assertShopOpen({ row })).resolves.toBeUndefined();
  });

  it("turns on (stored, refused by assertShopOpen, audited) and off again", async () => {
    const owner = await staffActor("owner");
    expect(await setLockdown(owner, { active: true, reason }, context, { row })).toEqual({ ok: true, active: true, changed: true });
    expect(await getLockdownStatus({ row })).toMatchObject({ active: true, reason });
    await expect(assertShopOpen({ row })).rejects.toBeInstanceOf(ShopLockedDownError);
    expect(await setLockdown(owner, { active: true, reason }, context, { row })).toEqual({ ok: true, active: true, changed: false });

    expect(await setLockdown({ kind: "cli", operator: "ops" }, { active: false, reason: "INC-44 contained, reopening" }, context, { row })).toMatchObject({ ok: true, active: false });
    await expect(assertShopOpen({ row })).resolves.toBeUndefined();

    const [on] = await auditEntries("incident.lockdown_enabled");
    expect(on).toMatchObject({ actorId: owner.viewer.userId, reason, before: { active: false }, after: { active: true } });
    const [off] = await auditEntries("incident.lockdown_disabled");
    expect(off).toMatchObject({ actorId: "cli", actorRole: "operator", before: { active: true }, after: { active: false } });
  });

  it("the shop's own state is cached for at most LOCKDOWN_CACHE_MS (a few seconds) per instance", () => {
    expect(LOCKDOWN_CACHE_MS).toBeGreaterThan(0);
    expect(LOCKDOWN_CACHE_MS).toBeLessThanOrEqual(10_000);
  });

  it("every copy of the module in a process (the server bundles each route apart) shares one cached state", async () => {
    const first = await import("@/lib/dal/lockdown/state");
    vi.resetModules();
    const second = await import("@/lib/dal/lockdown/state");
    expect(second).not.toBe(first);

    const now = Date.now();
    first.forgetLockdownStatus();
    const read = await first.getLockdownStatus({ now });
    expect(await second.getLockdownStatus({ now: now + 1 })).toBe(read);
    // A switch made through one copy (which forgets its state) reaches the other at once.
    second.forgetLockdownStatus();
    expect(await first.getLockdownStatus({ now: now + 2 })).not.toBe(read);
  });
});
