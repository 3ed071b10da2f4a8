import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { catalogCsvSource } from "@/lib/actions/admin/products/catalog-csv/read-catalog-csv";
import { db } from "@/lib/db";
import { importCatalog } from "./import";
import { CATALOG_CSV_COLUMNS } from "@/lib/actions/admin/products/catalog-csv/columns";
import { catalogCsvLines } from "@/lib/actions/admin/products/catalog-csv/write-catalog-csv";
import { catalogCsvFixtures } from "./catalog-csv-test-fixtures";
import { IMPORT_STOCK_REASON } from "./import-apply";

const f = catalogCsvFixtures({ columns: CATALOG_CSV_COLUMNS, source: catalogCsvSource, lines: catalogCsvLines });

const tee = (size: string, colour: string, extra: Record<string, string> = {}) =>
  f.row({
    product_slug: f.slug("tee"),
    product_name: "Trail Tee",
    option1_name: "Size",
    option1_value: size,
    option2_name: "Colour",
    option2_value: colour,
    sku: f.sku(`tee-${size}-${colour}`),
    price: "20.00",
    stock: "3",
    ...extra,
  });

const product = (slug: string) =>
  db.product.findUniqueOrThrow({
    where: { slug },
    select: {
      id: true,
      name: true,
      priceMinor: true,
      currency: true,
      published: true,
      category: { select: { slug: true } },
      options: { select: { name: true, position: true, values: true }, orderBy: { position: "asc" } },
      variants: { select: { sku: true, optionValues: true, priceMinor: true, compareAtPriceMinor: true, stock: true, position: true }, orderBy: { position: "asc" } },
    },
  });

describe("importCatalog", () => {
  it("dry-runs, then creates products with options and variants, stock recorded, listing price the lowest", async () => {
    const file = f.csv([tee("S", "Red"), tee("M", "Red", { price: "18.50", compare_at_price: "25.00" }), tee("S", "Blue", { stock: "0" }), f.row()]);
    const dry = await f.importText(file, { dryRun: true });
    expect(dry).toMatchObject({ applied: false, dryRun: true, rows: 4, issueCount: 0, products: { created: 2, updated: 0 }, variants: { created: 4, updated: 0 } });
    expect(await f.snapshot()).toEqual([]);

    const report = await f.importText(file);
    expect(report).toMatchObject({ applied: true, products: { created: 2 }, variants: { created: 4 } });
    const created = await product(f.slug("tee"));
    expect(created).toMatchObject({ name: "Trail Tee", priceMinor: 1850, currency: "USD", published: true, category: { slug: f.categorySlug } });
    expect(created.options).toEqual([
      { name: "Size", position: 0, values: ["S", "M"] },
      { name: "Colour", position: 1, values: ["Red", "Blue"] },
    ]);
    expect(created.variants.map((v) => [v.sku, v.optionValues, v.priceMinor, v.compareAtPriceMinor, v.stock])).toEqual([
      [f.sku("tee-S-Red"), ["S", "Red"], 2000, null, 3],
      [f.sku("tee-M-Red"), ["M", "Red"], 1850, 2500, 3],
      [f.sku("tee-S-Blue"), ["S", "Blue"], 2000, null, 0],
    ]);
    const adjustments = await db.inventoryAdjustment.findMany({ where: { variant: { productId: created.id } }, select: { delta: true, reason: true, actorId: true } });
    expect(adjustments).toHaveLength(2); // none for the variant created with no stock
    expect(adjustments.every((a) => a.delta === 3 && a.reason === IMPORT_STOCK_REASON && a.actorId === "vitest-csv-catalog_manager")).toBe(true);
    const audit = await db.auditEntry.findFirst({ where: { action: "catalog.imported", actorId: "vitest-csv-catalog_manager" }, orderBy: { id: "desc" }, select: { after: true } });
    expect(audit?.after).toMatchObject({ file: "test.csv", rows: 4, products: { created: 2 }, variants: { created: 4 } });
    expect(JSON.stringify(audit?.after)).not.toContain("Trail Tee");
  });

  it("round trip: the export imports as no change at all", async () => {
    const exported = await f.exportText();
    expect(exported.split("\r\n")).toHaveLength(6); // header, four rows, the final line break
    const before = await f.snapshot();
    const report = await f.importText(exported);
    expect(report).toMatchObject({ applied: true, issueCount: 0, products: { created: 0, updated: 0, unchanged: 2 }, variants: { created: 0, updated: 0, unchanged: 4 } });
    expect(await f.snapshot()).toEqual(before);
  });

  it("updates: fields, a price, stock as an adjustment of the difference, a new option value; variants not in the file stay", async () => {
    const file = f.csv([tee("S", "Red", { product_name: "Trail Tee II", stock: "10" }), tee("L", "Red", { product_name: "Trail Tee II", price: "15.00" })]);
    const dry = await f.importText(file, { dryRun: true });
    expect(dry).toMatchObject({ products: { created: 0, updated: 1, unchanged: 0 }, variants: { created: 1, updated: 1, unchanged: 0 } });
    const report = await f.importText(file);
    expect(report.issues).toEqual([]);
    expect(report.applied).toBe(true);
    const updated = await product(f.slug("tee"));
    expect(updated.name).toBe("Trail Tee II");
    expect(updated.priceMinor).toBe(1500);
    expect(updated.options[0]).toEqual({ name: "Size", position: 0, values: ["S", "M", "L"] });
    expect(updated.variants.map((v) => [v.sku, v.stock])).toEqual([
      [f.sku("tee-S-Red"), 10],
      [f.sku("tee-M-Red"), 3],
      [f.sku("tee-S-Blue"), 0],
      [f.sku("tee-L-Red"), 3],
    ]);
    const deltas = await db.inventoryAdjustment.findMany({ where: { variant: { sku: f.sku("tee-S-Red") } }, select: { delta: true }, orderBy: { createdAt: "asc" } });
    expect(deltas.map((d) => d.delta)).toEqual([3, 7]);
  });

  it("refuses a product whose variants left alone do not fit the file's options", async () => {
    const before = await f.snapshot();
    const report = await f.importText(f.csv([f.row({ product_slug: f.slug("tee"), product_name: "Trail Tee II", option1_name: "Size", option1_value: "XL", sku: f.sku("tee-xl") })]));
    expect(report.applied).toBe(false);
    expect(report.issues[0]).toMatchObject({ row: 2, column: "option1_name", message: expect.stringMatching(/not in the file, with 2 option values, not 1/) });
    expect(await f.snapshot()).toEqual(before);
  });

  it("exports formula-like text safely and reads it back as it was", async () => {
    const name = '=HYPERLINK("http://evil.example","x")';
    await db.product.update({ where: { slug: f.slug("lamp") }, data: { name, metaTitle: "@home" } });
    const exported = await f.exportText();
    const line = exported.split("\r\n").find((l) => l.includes(f.slug("lamp"))) ?? "";
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(line).toContain(`"'@home"`);
    expect(exported.startsWith(`"product_slug","product_name"`)).toBe(true);
    const report = await f.importText(exported);
    expect(report).toMatchObject({ applied: true, products: { updated: 0 }, variants: { updated: 0 } });
    expect((await product(f.slug("lamp"))).name).toBe(name);
  });

  it("a read-only role exports but cannot import; the CLI imports as the operator", async () => {
    await expect(f.exportText(f.staff("auditor"))).resolves.toContain("product_slug");
    await expect(f.importText(f.csv([f.row({ price: "26.00" })]), { actor: f.staff("auditor") })).rejects.toThrow(/products:write/);
    const report = await f.importText(f.csv([f.row({ price: "26.00", product_name: "Desk Lamp" })]), { actor: { kind: "cli", operator: "ops" } });
    expect(report.applied).toBe(true);
    const lamp = await db.productVariant.findUniqueOrThrow({ where: { sku: f.sku("lamp") }, select: { priceMinor: true } });
    expect(lamp.priceMinor).toBe(2600);
    const entry = await db.auditEntry.findFirst({ where: { action: "catalog.imported", actorId: "cli" }, orderBy: { id: "desc" }, select: { actorRole: true, userAgent: true } });
    expect(entry).toEqual({ actorRole: "operator", userAgent: "vitest catalog csv" });
  });

  it("applies nothing when the file changes between the check and the apply", async () => {
    const before = await f.snapshot();
    const versions = [f.csv([f.row({ price: "31.00" })]), f.csv([f.row({ price: "32.00" })])];
    let opened = 0;
    const source = catalogCsvSource(() => Readable.from([Buffer.from(versions[Math.min(opened++, 1)] ?? "")]));
    const report = await importCatalog(f.staff(), source, { dryRun: false, fileName: "changing.csv" }, { ip: "192.0.2.1", userAgent: "vitest", requestId: null });
    expect(report).toMatchObject({ applied: false, issueCount: 1, issues: [{ row: 1, message: expect.stringMatching(/changed while/) }] });
    expect(await f.snapshot()).toEqual(before);
  });
});
