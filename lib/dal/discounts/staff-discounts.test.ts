import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { orderFixtures } from "@/lib/dal/orders/test-fixtures";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { type DiscountFields, createDiscountCode, setDiscountCodeActive, updateDiscountCode } from "./staff-discount-save";
import { getDiscountCode, listDiscountCodes } from "./staff-discounts";

requireTestDatabaseUrl();

const { staffMember } = orderFixtures();
const context = { ip: "192.0.2.61", userAgent: "vitest discounts", requestId: null };
const created: string[] = [];
afterAll(async () => {
  await db.discountCode.deleteMany({ where: { id: { in: created } } });
});

const fields = (overrides: Partial<DiscountFields> = {}): DiscountFields => ({
  code: ` spring${randomBytes(4).toString("hex")} `,
  kind: "percentage",
  percentOff: 15,
  amountOffMinor: 999, // ignored for a percentage code
  minSubtotalMinor: null,
  startsAt: null,
  endsAt: null,
  totalLimit: 100,
  perCustomerLimit: 1,
  categoryIds: [],
  ...overrides,
});

async function create(overrides: Partial<DiscountFields> = {}) {
  const manager = await staffMember("catalog_manager");
  const result = await createDiscountCode(manager, fields(overrides), context);
  if (result.ok) created.push(result.id);
  return { manager, result };
}

describe("staff managing discount codes", () => {
  it("creates a code stored normalised, with one amount for its kind, audited", async () => {
    const input = fields();
    const manager = await staffMember("catalog_manager");
    const result = await createDiscountCode(manager, input, context);
    if (!result.ok) throw new Error(result.code);
    created.push(result.id);

    const row = await db.discountCode.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ code: input.code.trim().toUpperCase(), percentOff: 15, amountOffMinor: null, currency: "USD", active: true });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { targetId: result.id, action: "discount.created" } });
    expect(audit).toMatchObject({ actorId: manager.userId, actorRole: "catalog_manager" });
  });

  it("refuses a taken code (in any case), a bad window and an out-of-range amount", async () => {
    const { manager, result } = await create();
    if (!result.ok) throw new Error(result.code);
    const code = (await db.discountCode.findUniqueOrThrow({ where: { id: result.id } })).code;
    expect(await createDiscountCode(manager, fields({ code: code.toLowerCase() }), context)).toEqual({ ok: false, code: "code_taken" });
    const now = new Date();
    expect(await createDiscountCode(manager, fields({ startsAt: now, endsAt: now }), context)).toEqual({ ok: false, code: "invalid" });
    expect(await createDiscountCode(manager, fields({ percentOff: 101 }), context)).toEqual({ ok: false, code: "invalid" });
    expect(await createDiscountCode(manager, fields({ kind: "fixed_amount", amountOffMinor: 0 }), context)).toEqual({ ok: false, code: "invalid" });
    expect(await createDiscountCode(manager, fields({ categoryIds: ["no-such-category"] }), context)).toEqual({ ok: false, code: "unknown_category" });
  });

  it("edits and deactivates a code, auditing what changed", async () => {
    const { manager, result } = await create();
    if (!result.ok) throw new Error(result.code);
    const before = await db.discountCode.findUniqueOrThrow({ where: { id: result.id } });
    expect(await updateDiscountCode(manager, result.id, fields({ code: before.code, percentOff: 20 }), context)).toEqual({ ok: true, id: result.id });
    const updated = await db.auditEntry.findFirstOrThrow({ where: { targetId: result.id, action: "discount.updated" } });
    expect(updated.before).toEqual({ percentOff: 15 });
    expect(updated.after).toEqual({ percentOff: 20 });

    expect(await setDiscountCodeActive(manager, result.id, false, context)).toEqual({ ok: true, id: result.id });
    expect(await setDiscountCodeActive(manager, result.id, false, context)).toEqual({ ok: true, id: result.id });
    expect(await db.auditEntry.count({ where: { targetId: result.id, action: "discount.deactivated" } })).toBe(1);
    expect((await getDiscountCode(manager, result.id))?.active).toBe(false);
  });

  it("lists codes with their usage for readers, and lets only managers change them", async () => {
    const { result } = await create();
    if (!result.ok) throw new Error(result.code);
    const auditor = await staffMember("auditor");
    const listed = (await listDiscountCodes(auditor)).find((code) => code.id === result.id);
    expect(listed).toMatchObject({ redeemed: 0, held: 0, actions: { edit: false } });

    for (const role of ["auditor", "fulfilment", "support"] as const) {
      const member = await staffMember(role);
      await expect(createDiscountCode(member, fields(), context)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(setDiscountCodeActive(member, result.id, false, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    await expect(listDiscountCodes(await staffMember("fulfilment"))).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await db.discountCode.findUniqueOrThrow({ where: { id: result.id } })).active).toBe(true);
  });
});
