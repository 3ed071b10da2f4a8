import { describe, expect, it } from "vitest";
import { readHeader } from "./columns";
import { importedCell } from "./formula-cells";

describe("importedCell", () => {
  it("refuses what a spreadsheet would run, and takes back the export's escape", () => {
    for (const formula of ["=1+1", "+1", "@SUM(A1)", "-1+1", "\t=1", "\r=1", "-", "=HYPERLINK(\"http://x\")"]) expect(importedCell(formula)).toBeNull();
    expect(importedCell("'=HYPERLINK(\"http://x\")")).toBe("=HYPERLINK(\"http://x\")");
    expect(importedCell("'@home")).toBe("@home");
    expect(importedCell("'plain")).toBe("'plain");
    expect(importedCell("-12.50")).toBe("-12.50");
    expect(importedCell("Desk lamp")).toBe("Desk lamp");
  });
});

describe("readHeader", () => {
  const all = ["product_slug", "product_name", "description", "category_slug", "published", "featured", "meta_title", "meta_description", "option1_name", "option1_value", "sku", "price", "compare_at_price", "stock", "weight_grams", "max_per_order"];
  it("takes the columns in any order, option 2 and 3 optional", () => {
    expect(readHeader([...all].reverse())).toEqual({ ok: true, columns: [...all].reverse() });
  });
  it("refuses unknown, repeated and missing columns", () => {
    const result = readHeader([...all.filter((c) => c !== "sku"), "price", "colour"]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.column)).toEqual(["price", "colour", "sku"]);
  });
});
