import { describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger";
import { adjustInventory } from "./inventory";
import { db } from "@/lib/db";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { getProduct } from "./products";
import { setProductPublished } from "./staff-product-publish";
import { saveVariant, setProductOptions, setVariantArchived, type VariantFields } from "./staff-variants";
import { adminProductFixtures, testAuditContext } from "./staff-products-test-fixtures";

const { staff, uniqueSlug, newProduct, productRow, auditEntriesOf } = adminProductFixtures();

const sizes = [{ name: "Size", values: ["S", "M", "L"] }];
const variantFields = (overrides: Partial<VariantFields> = {}): VariantFields => ({
  sku: uniqueSlug("VAR").toUpperCase(),
  optionValues: ["M"],
  priceMinor: 2999,
  compareAtPriceMinor: null,
  weightGrams: 300,
  maxPerOrder: 4,
  ...overrides,
});
const variantsOf = (productId: string) =>
  db.productVariant.findMany({ where: { productId }, select: { sku: true, optionValues: true, priceMinor: true, archivedAt: true }, orderBy: { position: "asc" } });

/** A product with options Size S/M/L: its first variant became S (the first value), and M is added. */
async function sizedProduct() {
  const product = await newProduct();
  const manager = await staff();
  expect(await setProductOptions(manager, product.id, sizes, testAuditContext)).toEqual({ ok: true, id: product.id });
  const medium = await saveVariant(manager, product.id, null, variantFields(), testAuditContext);
  if (!medium.ok) throw new Error(medium.code);
  return { product, manager, mediumId: medium.id };
}

describe("product options", () => {
  it("gives a product without options its first option: the existing variant takes the first value", async () => {
    const { product } = await sizedProduct();
    expect((await variantsOf(product.id)).map((variant) => variant.optionValues)).toEqual([["S"], ["M"]]);
    expect(await db.productOption.findMany({ where: { productId: product.id }, select: { name: true, values: true, position: true } })).toEqual([
      { name: "Size", values: ["S", "M", "L"], position: 0 },
    ]);
    expect((await auditEntriesOf(product.id)).map((entry) => entry.action)).toEqual(["product.created", "product.options_changed", "variant.created"]);
  });

  it("refuses options that would leave a variant on sale without a value of its own, changing nothing", async () => {
    const { product, manager } = await sizedProduct();
    // M is in use: dropping it would leave that variant's value outside the option.
    expect(await setProductOptions(manager, product.id, [{ name: "Size", values: ["S", "L"] }], testAuditContext)).toEqual({ ok: false, code: "options_do_not_fit" });
    // Removing the option would make S and M the same (empty) combination.
    expect(await setProductOptions(manager, product.id, [], testAuditContext)).toEqual({ ok: false, code: "options_do_not_fit" });
    expect((await variantsOf(product.id)).map((variant) => variant.optionValues)).toEqual([["S"], ["M"]]);
    expect(await db.productOption.count({ where: { productId: product.id } })).toBe(1);
  });
});

describe("saveVariant", () => {
  it("adds a variant and keeps the product's listing price at its cheapest live variant", async () => {
    const { product, manager } = await sizedProduct();
    expect((await productRow(product.id)).priceMinor).toBe(2499);
    const large = await saveVariant(manager, product.id, null, variantFields({ optionValues: ["L"], priceMinor: 1999 }), testAuditContext);
    expect(large.ok).toBe(true);
    expect((await productRow(product.id)).priceMinor).toBe(1999);
    if (!large.ok) return;
    await setVariantArchived(manager, product.id, large.id, true, testAuditContext);
    expect((await productRow(product.id)).priceMinor).toBe(2499);
  });

  it("refuses a duplicate SKU, a value the option does not have, a repeated combination and a compare-at price not above the price", async () => {
    const { product, manager, mediumId } = await sizedProduct();
    const taken = (await db.productVariant.findUniqueOrThrow({ where: { id: mediumId }, select: { sku: true } })).sku;
    const cases: [Partial<VariantFields>, string][] = [
      [{ sku: taken, optionValues: ["L"] }, "sku_taken"],
      [{ optionValues: ["XXL"] }, "option_mismatch"],
      [{ optionValues: ["L", "Red"] }, "option_mismatch"],
      [{ optionValues: [] }, "option_mismatch"],
      [{ optionValues: ["M"] }, "duplicate_combination"],
      [{ optionValues: ["L"], priceMinor: 2000, compareAtPriceMinor: 2000 }, "compare_at_not_above"],
    ];
    for (const [fields, code] of cases) {
      expect(await saveVariant(manager, product.id, null, variantFields(fields), testAuditContext), code).toEqual({ ok: false, code });
    }
    expect(await variantsOf(product.id)).toHaveLength(2);
  });

  it("edits a variant and audits only what changed; a variant of another product is not found", async () => {
    const { product, manager, mediumId } = await sizedProduct();
    const other = await newProduct();
    const current = await db.productVariant.findUniqueOrThrow({ where: { id: mediumId }, select: { sku: true } });
    const changed = variantFields({ sku: current.sku, priceMinor: 3499, compareAtPriceMinor: 3999 });
    expect(await saveVariant(manager, product.id, mediumId, changed, testAuditContext)).toEqual({ ok: true, id: mediumId });
    const [entry] = (await auditEntriesOf(product.id)).filter((audit) => audit.action === "variant.updated");
    expect(entry).toMatchObject({ before: { priceMinor: 2999, compareAtPriceMinor: null, variantId: mediumId }, after: { priceMinor: 3499, compareAtPriceMinor: 3999 } });

    // The page of `other` posting this product's variant id: refused, nothing changes.
    expect(await saveVariant(manager, other.id, mediumId, variantFields({ optionValues: [] }), testAuditContext)).toEqual({ ok: false, code: "not_found" });
    expect(await db.productVariant.findUniqueOrThrow({ where: { id: mediumId }, select: { priceMinor: true } })).toEqual({ priceMinor: 3499 });
  });

  it("lets exactly one of two concurrent saves take a SKU", async () => {
    const [first, second] = [await sizedProduct(), await sizedProduct()];
    const sku = uniqueSlug("RACE").toUpperCase();
    const results = await Promise.all(
      [first, second].map(({ product, manager }) => saveVariant(manager, product.id, null, variantFields({ sku, optionValues: ["L"] }), testAuditContext)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, code: "sku_taken" });
  });

  it("is refused to roles without products:write", async () => {
    const { product, mediumId } = await sizedProduct();
    for (const role of ["support", "fulfilment", "auditor"] as const) {
      const viewer = await staff(role);
      await expect(saveVariant(viewer, product.id, null, variantFields({ optionValues: ["L"] }), testAuditContext)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(setVariantArchived(viewer, product.id, mediumId, true, testAuditContext)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(setProductOptions(viewer, product.id, [], testAuditContext)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect(await variantsOf(product.id)).toHaveLength(2);
  });
});

describe("setVariantArchived", () => {
  it("takes a variant off the product page and keeps it for orders; restoring brings it back", async () => {
    const { product, manager, mediumId } = await sizedProduct();
    await setProductPublished(manager, product.id, true, testAuditContext);
    expect(await setVariantArchived(manager, product.id, mediumId, true, testAuditContext)).toEqual({ ok: true, id: mediumId });
    expect((await getProduct(product.slug))?.variants.map((variant) => variant.optionValues)).toEqual([["S"]]);
    expect(await setVariantArchived(manager, product.id, mediumId, false, testAuditContext)).toEqual({ ok: true, id: mediumId });
    expect((await getProduct(product.slug))?.variants.map((variant) => variant.optionValues)).toEqual([["S"], ["M"]]);
  });

  it("keeps a published product's last variant on sale, and refuses to restore a combination taken meanwhile", async () => {
    const { product, manager, mediumId } = await sizedProduct();
    const small = (await db.productVariant.findFirstOrThrow({ where: { productId: product.id, optionValues: { equals: ["S"] } }, select: { id: true } })).id;
    await setProductPublished(manager, product.id, true, testAuditContext);
    await setVariantArchived(manager, product.id, mediumId, true, testAuditContext);
    expect(await setVariantArchived(manager, product.id, small, true, testAuditContext)).toEqual({ ok: false, code: "last_live_variant" });
    // A new M while the old one is archived: the old one cannot come back as a second M.
    await saveVariant(manager, product.id, null, variantFields(), testAuditContext);
    expect(await setVariantArchived(manager, product.id, mediumId, false, testAuditContext)).toEqual({ ok: false, code: "duplicate_combination" });
  });

  it("refuses to publish a product whose variants are all archived: nothing on it could be bought", async () => {
    const { product, manager, mediumId } = await sizedProduct();
    const small = (await db.productVariant.findFirstOrThrow({ where: { productId: product.id, optionValues: { equals: ["S"] } }, select: { id: true } })).id;
    // Unpublished, its last variant may go.
    for (const id of [mediumId, small]) expect(await setVariantArchived(manager, product.id, id, true, testAuditContext)).toEqual({ ok: true, id });
    expect(await setProductPublished(manager, product.id, true, testAuditContext)).toEqual({ ok: false, code: "no_live_variant" });
    expect((await productRow(product.id)).published).toBe(false);
    expect((await auditEntriesOf(product.id)).map((entry) => entry.action)).not.toContain("product.published");
    await setVariantArchived(manager, product.id, small, false, testAuditContext);
    expect(await setProductPublished(manager, product.id, true, testAuditContext)).toEqual({ ok: true, changed: true });
  });

  it("refuses to restore a variant whose value the product's options no longer offer, changing nothing", async () => {
    const { product, manager, mediumId } = await sizedProduct();
    await setVariantArchived(manager, product.id, mediumId, true, testAuditContext);
    // M is only on the archived variant, so the options may drop it.
    expect(await setProductOptions(manager, product.id, [{ name: "Size", values: ["S", "L"] }], testAuditContext)).toEqual({ ok: true, id: product.id });
    expect(await setVariantArchived(manager, product.id, mediumId, false, testAuditContext)).toEqual({ ok: false, code: "option_mismatch" });
    expect((await variantsOf(product.id)).filter((variant) => variant.archivedAt === null).map((variant) => variant.optionValues)).toEqual([["S"]]);
    expect((await auditEntriesOf(product.id)).map((entry) => entry.action)).not.toContain("variant.restored");
  });
});

describe("a variant id of another product (a forged form)", () => {
  it("is refused as not found by every variant change, changes nothing, and is logged", async () => {
    const { product, manager, mediumId } = await sizedProduct();
    const other = await newProduct();
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    try {
      expect(await saveVariant(manager, other.id, mediumId, variantFields({ optionValues: [] }), testAuditContext)).toEqual({ ok: false, code: "not_found" });
      expect(await setVariantArchived(manager, other.id, mediumId, true, testAuditContext)).toEqual({ ok: false, code: "not_found" });
      expect(await adjustInventory(manager, { productId: other.id, variantId: mediumId }, { delta: 5, reason: "Forged" }, testAuditContext)).toEqual({ ok: false, code: "not_found" });
      const logged = warn.mock.calls.filter(([fields]) => (fields as { variantId?: string }).variantId === mediumId);
      expect(logged.map(([fields]) => (fields as { action: string }).action)).toEqual(["variant.updated", "variant.archived", "inventory.adjusted"]);
      expect(logged.every(([fields]) => (fields as { productId: string }).productId === other.id)).toBe(true);
      // A made-up id is a stale or broken form, not another product's row: nothing to trace.
      await setVariantArchived(manager, other.id, "no-such-variant", true, testAuditContext);
      expect(warn.mock.calls.filter(([fields]) => (fields as { variantId?: string }).variantId === "no-such-variant")).toEqual([]);
    } finally {
      warn.mockRestore();
    }
    expect(await db.productVariant.findUniqueOrThrow({ where: { id: mediumId }, select: { archivedAt: true, stock: true } })).toEqual({ archivedAt: null, stock: 0 });
    expect(await auditEntriesOf(other.id)).toHaveLength(1); // product.created only
    expect(product.id).not.toBe(other.id);
  });
});
