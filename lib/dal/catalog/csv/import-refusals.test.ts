import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CATALOG_CSV_COLUMNS } from "@/lib/actions/admin/products/catalog-csv/columns";
import { catalogCsvSource } from "@/lib/actions/admin/products/catalog-csv/read-catalog-csv";
import { catalogCsvLines } from "@/lib/actions/admin/products/catalog-csv/write-catalog-csv";
import { catalogCsvFixtures } from "./catalog-csv-test-fixtures";

const f = catalogCsvFixtures({ columns: CATALOG_CSV_COLUMNS, source: catalogCsvSource, lines: catalogCsvLines });

// A product already in the shop, so "nothing changed" also covers updates a refused file would have made.
beforeAll(async () => {
  const report = await f.importText(f.csv([f.row()]));
  expect(report.applied).toBe(true);
});

/** Imports `rows` (after one good new row) and expects a refusal naming `row` and `column`, with nothing written. */
async function expectRefused(rows: Record<string, string>[], row: number, column: string, message: RegExp) {
  const before = await f.snapshot();
  const good = f.row({ product_slug: f.slug("good"), sku: f.sku("good"), price: "30.00" });
  const report = await f.importText(f.csv([good, f.row({ price: "99.00" }), ...rows]));
  expect(report.applied).toBe(false);
  expect(report.issues).toContainEqual({ row, column, message: expect.stringMatching(message) });
  expect(await f.snapshot()).toEqual(before);
}

describe("importCatalog refuses, row by row, and applies nothing", () => {
  it("a negative price, stock or weight", async () => {
    await expectRefused([f.row({ product_slug: f.slug("neg"), sku: f.sku("neg"), price: "-1.00" })], 4, "price", /cannot be negative/);
    await expectRefused([f.row({ product_slug: f.slug("neg"), sku: f.sku("neg"), stock: "-3" })], 4, "stock", /cannot be negative/);
    await expectRefused([f.row({ product_slug: f.slug("neg"), sku: f.sku("neg"), weight_grams: "-3" })], 4, "weight_grams", /whole grams/);
  });

  it("a SKU twice in the file", async () => {
    await expectRefused([f.row({ product_slug: f.slug("dup"), sku: f.sku("good") })], 4, "sku", /already on row 2/);
  });

  it("an unknown category", async () => {
    await expectRefused([f.row({ product_slug: f.slug("cat"), sku: f.sku("cat"), category_slug: "no-such-category" })], 4, "category_slug", /no category/);
  });

  it("a formula cell, and a negative number where none is allowed", async () => {
    for (const formula of ["=1+2", "+SUM(A1)", "@cmd", "-2+3", "\tx", "\rx"]) {
      await expectRefused([f.row({ product_slug: f.slug("f"), sku: f.sku("f"), product_name: formula })], 4, "product_name", /formula/);
    }
    await expectRefused([f.row({ product_slug: f.slug("f"), sku: f.sku("f"), meta_title: "=HYPERLINK(\"http://x\")" })], 4, "meta_title", /formula/);
    await expectRefused([f.row({ product_slug: f.slug("f"), sku: f.sku("f"), max_per_order: "-5" })], 4, "max_per_order", /whole number/);
  });

  it("a product whose rows name different options, or more than one value per option", async () => {
    const a = { product_slug: f.slug("tee"), option1_name: "Size", option1_value: "S" };
    await expectRefused([f.row({ ...a, sku: f.sku("tee-s") }), f.row({ ...a, sku: f.sku("tee-m"), option1_name: "Colour", option1_value: "Red" })], 5, "option1_name", /Size on row 4/);
    await expectRefused([f.row({ ...a, sku: f.sku("tee-s") }), f.row({ ...a, sku: f.sku("tee-m") })], 5, "option1_value", /same option values \(S\) as row 4/);
    await expectRefused([f.row({ ...a, sku: f.sku("tee-s"), option1_value: "" })], 4, "option1_value", /value of the option "Size"/);
    await expectRefused([f.row({ ...a, sku: f.sku("tee-s"), option1_name: "", option1_value: "", option2_name: "Size", option2_value: "S" })], 4, "option2_name", /option1 before option2/);
    await expectRefused([f.row({ ...a, sku: f.sku("tee-s"), option2_name: "Size", option2_value: "M" })], 4, "option2_name", /named twice/);
  });

  it("a fourth option column", async () => {
    const report = await f.importText(f.csv([{ ...f.row(), option4_name: "x" }], [...Object.keys(f.row()), "option4_name"]));
    expect(report.applied).toBe(false);
    expect(report.issues).toContainEqual({ row: 1, column: "option4_name", message: expect.stringMatching(/Unknown column/) });
  });

  it("two variants of a product without options", async () => {
    await expectRefused([f.row({ product_slug: f.slug("plain"), sku: f.sku("plain-1") }), f.row({ product_slug: f.slug("plain"), sku: f.sku("plain-2") })], 5, "option1_name", /one variant/);
  });

  it("rows of one product that disagree on its fields", async () => {
    const p = { product_slug: f.slug("two") };
    await expectRefused(
      [f.row({ ...p, sku: f.sku("two-a"), option1_name: "Size", option1_value: "S" }), f.row({ ...p, sku: f.sku("two-b"), option1_name: "Size", option1_value: "M", product_name: "Other" })],
      5,
      "product_name",
      /first row of the product/,
    );
  });

  it("bad numbers and too-long fields", async () => {
    const p = { product_slug: f.slug("bad"), sku: f.sku("bad") };
    await expectRefused([f.row({ ...p, price: "12.345" })], 4, "price", /two decimal places/);
    await expectRefused([f.row({ ...p, price: "abc" })], 4, "price", /as a number/);
    await expectRefused([f.row({ ...p, stock: "1.5" })], 4, "stock", /whole number/);
    await expectRefused([f.row({ ...p, stock: "2000000" })], 4, "stock", /most stock/);
    await expectRefused([f.row({ ...p, published: "maybe" })], 4, "published", /true or false/);
    await expectRefused([f.row({ ...p, compare_at_price: "10.00" })], 4, "compare_at_price", /higher than the price/);
    await expectRefused([f.row({ ...p, product_name: "x".repeat(121) })], 4, "product_name", /at most 120/);
    await expectRefused([f.row({ ...p, description: "x".repeat(4001) })], 4, "description", /4,000/);
    await expectRefused([f.row({ ...p, meta_title: "x".repeat(71) })], 4, "meta_title", /at most 70/);
    await expectRefused([f.row({ ...p, sku: "S".repeat(65) })], 4, "sku", /at most 64/);
    await expectRefused([f.row({ ...p, option1_name: "n".repeat(41), option1_value: "v" })], 4, "option1_name", /at most 40/);
    await expectRefused([f.row({ ...p, product_slug: "Not A Slug" })], 4, "product_slug", /lower-case/);
  });

  it("a SKU that belongs to another product", async () => {
    const before = await f.snapshot();
    const report = await f.importText(f.csv([f.row({ product_slug: f.slug("thief"), sku: f.sku("lamp") })]));
    expect(report.applied).toBe(false);
    expect(report.issues).toEqual([{ row: 2, column: "sku", message: `The SKU "${f.sku("lamp")}" belongs to another product ("${f.slug("lamp")}").` }]);
    expect(await f.snapshot()).toEqual(before);
  });

  it("publishing an archived product (restore it first); updating it unpublished is fine", async () => {
    const archived = f.slug("archived");
    const first = await f.importText(f.csv([f.row({ product_slug: archived, sku: f.sku("archived"), published: "false" })]));
    expect(first.applied).toBe(true);
    await db.product.update({ where: { slug: archived }, data: { archivedAt: new Date() } });
    const before = await f.snapshot();
    const report = await f.importText(f.csv([f.row({ product_slug: archived, sku: f.sku("archived"), published: "true" })]));
    expect(report.applied).toBe(false);
    expect(report.issues).toEqual([{ row: 2, column: "published", message: expect.stringMatching(/is archived: restore it/) }]);
    expect(await f.snapshot()).toEqual(before);
    const quiet = await f.importText(f.csv([f.row({ product_slug: archived, sku: f.sku("archived"), published: "false", price: "26.00" })]));
    expect(quiet.applied).toBe(true);
    expect(await db.product.findUniqueOrThrow({ where: { slug: archived }, select: { published: true, archivedAt: true } })).toMatchObject({ published: false, archivedAt: expect.any(Date) });
  });

  it("everything when only the last of many rows is wrong", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => f.row({ product_slug: f.slug(`many-${i}`), sku: f.sku(`many-${i}`) }));
    rows.push(f.row({ product_slug: f.slug("many-last"), sku: f.sku("many-last"), price: "-0.01" }));
    await expectRefused(rows, 34, "price", /negative/);
  });

  it("a missing column and a malformed file", async () => {
    const columns = Object.keys(f.row()).filter((c) => c !== "price");
    const missing = await f.importText(f.csv([f.row()], columns));
    expect(missing.issues).toContainEqual({ row: 1, column: "price", message: "Missing column: price." });
    const broken = await f.importText(`${Object.keys(f.row()).join(",")}\n"unclosed,quote\n`);
    expect(broken.applied).toBe(false);
    expect(broken.issues[0]?.message).toMatch(/not valid CSV/);
  });

  it("staff without products:write (thrown, nothing read)", async () => {
    await expect(f.importText(f.csv([f.row({ price: "1.00" })]), { actor: f.staff("support") })).rejects.toThrow(/products:write/);
  });
});
