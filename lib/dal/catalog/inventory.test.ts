import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { adminProductFixtures, testAuditContext } from "./staff-products-test-fixtures";
import { adjustInventory, listRecentAdjustments, MAX_STOCK } from "./inventory";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { variantStock } from "./test-products";

const { staff, newProduct, auditEntriesOf } = adminProductFixtures();

const stockOf = variantStock;
const adjustmentsOf = (productId: string) =>
  db.inventoryAdjustment.findMany({ where: { variant: { productId } }, select: { delta: true, reason: true, actorId: true }, orderBy: { createdAt: "asc" } });
/** The product's one variant, as the admin page names it to the adjustment. */
const variantOf = (product: { id: string; variantId: string }) => ({ productId: product.id, variantId: product.variantId });

describe("adjustInventory", () => {
  it("adds and removes stock, with an adjustment row and an audit entry each", async () => {
    const product = await newProduct();
    const manager = await staff();
    expect(await adjustInventory(manager, variantOf(product), { delta: 20, reason: "Delivery received" }, testAuditContext)).toEqual({ ok: true, stock: 20 });
    expect(await adjustInventory(manager, variantOf(product), { delta: -5, reason: "Damaged in storage" }, testAuditContext)).toEqual({ ok: true, stock: 15 });
    expect(await stockOf(product.variantId)).toBe(15);
    expect(await adjustmentsOf(product.id)).toEqual([
      { delta: 20, reason: "Delivery received", actorId: manager.userId },
      { delta: -5, reason: "Damaged in storage", actorId: manager.userId },
    ]);
    const entries = (await auditEntriesOf(product.id)).filter((entry) => entry.action === "inventory.adjusted");
    expect(entries.map((entry) => [entry.before, entry.after, entry.reason, entry.actorId])).toEqual([
      [{ sku: product.sku, stock: 0 }, { stock: 20, delta: 20 }, "Delivery received", manager.userId],
      [{ sku: product.sku, stock: 20 }, { stock: 15, delta: -5 }, "Damaged in storage", manager.userId],
    ]);
  });

  it("never takes stock below zero: the refusal says how many there are and changes nothing", async () => {
    const product = await newProduct();
    const manager = await staff();
    await adjustInventory(manager, variantOf(product), { delta: 3, reason: "Opening count" }, testAuditContext);
    expect(await adjustInventory(manager, variantOf(product), { delta: -4, reason: "Lost" }, testAuditContext)).toEqual({
      ok: false,
      code: "below_zero",
      stock: 3,
    });
    expect(await stockOf(product.variantId)).toBe(3);
    expect(await adjustmentsOf(product.id)).toHaveLength(1);
    expect((await auditEntriesOf(product.id)).filter((entry) => entry.action === "inventory.adjusted")).toHaveLength(1);
    expect(await adjustInventory(manager, variantOf(product), { delta: -3, reason: "Sold out at the fair" }, testAuditContext)).toEqual({ ok: true, stock: 0 });
  });

  it("lets exactly as many concurrent removals through as there are units", async () => {
    const product = await newProduct();
    const manager = await staff();
    await adjustInventory(manager, variantOf(product), { delta: 10, reason: "Opening count" }, testAuditContext);
    const results = await Promise.all(
      Array.from({ length: 25 }, () => adjustInventory(manager, variantOf(product), { delta: -1, reason: "Concurrent pick" }, testAuditContext)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    expect(await stockOf(product.variantId)).toBe(0);
    expect(await adjustmentsOf(product.id)).toHaveLength(11);
  });

  it("refuses stock above the maximum and an unknown product", async () => {
    const product = await newProduct();
    const manager = await staff();
    await adjustInventory(manager, variantOf(product), { delta: MAX_STOCK, reason: "Warehouse full" }, testAuditContext);
    expect(await adjustInventory(manager, variantOf(product), { delta: 1, reason: "One more" }, testAuditContext)).toMatchObject({ ok: false, code: "above_maximum" });
    expect(await adjustInventory(manager, { productId: product.id, variantId: "no-such-variant" }, { delta: 1, reason: "Ghost" }, testAuditContext)).toEqual({ ok: false, code: "not_found" });
  });

  it("refuses a variant of another product (a tampered form) and changes neither", async () => {
    const [product, other] = [await newProduct(), await newProduct()];
    const manager = await staff();
    expect(await adjustInventory(manager, { productId: product.id, variantId: other.variantId }, { delta: 5, reason: "Tampered" }, testAuditContext)).toEqual({
      ok: false,
      code: "not_found",
    });
    expect([await stockOf(product.variantId), await stockOf(other.variantId)]).toEqual([0, 0]);
    expect(await adjustmentsOf(other.id)).toEqual([]);
  });

  it("refuses a zero or fractional change and a missing reason from any caller", async () => {
    const product = await newProduct();
    const manager = await staff();
    for (const input of [
      { delta: 0, reason: "Nothing" },
      { delta: 1.5, reason: "Half" },
      { delta: 5, reason: "  " },
      { delta: 5, reason: "x".repeat(301) },
    ]) {
      await expect(adjustInventory(manager, variantOf(product), input, testAuditContext)).rejects.toBeInstanceOf(RangeError);
    }
    expect(await adjustmentsOf(product.id)).toEqual([]);
  });

  it("is refused in the DAL to roles without inventory:write, and allowed to fulfilment", async () => {
    const product = await newProduct();
    for (const role of ["support", "auditor"] as const) {
      await expect(adjustInventory(await staff(role), variantOf(product), { delta: 5, reason: "Not mine to do" }, testAuditContext)).rejects.toBeInstanceOf(
        PermissionDeniedError,
      );
    }
    expect(await stockOf(product.variantId)).toBe(0);
    expect(await adjustmentsOf(product.id)).toEqual([]);
    expect(await adjustInventory(await staff("fulfilment"), variantOf(product), { delta: 5, reason: "Returned to stock" }, testAuditContext)).toEqual({
      ok: true,
      stock: 5,
    });
  });
});

describe("listRecentAdjustments", () => {
  it("lists the product's adjustments newest first, marking the viewer's own", async () => {
    const product = await newProduct();
    const [manager, colleague] = [await staff(), await staff("fulfilment")];
    await adjustInventory(manager, variantOf(product), { delta: 8, reason: "First delivery" }, testAuditContext);
    await adjustInventory(colleague, variantOf(product), { delta: -2, reason: "Two broken" }, testAuditContext);
    const listed = await listRecentAdjustments(manager, product.id);
    expect(listed.map(({ delta, reason, byViewer }) => ({ delta, reason, byViewer }))).toEqual([
      { delta: -2, reason: "Two broken", byViewer: false },
      { delta: 8, reason: "First delivery", byViewer: true },
    ]);
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(["byViewer", "createdAt", "delta", "id", "reason", "sku"]);
  });
});
