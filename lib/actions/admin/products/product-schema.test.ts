import { describe, expect, it } from "vitest";
import { parseForm } from "../../pipeline/form-input";
import { newProductFormInput, parseProductForm } from "./product-schema";
import { optionsFormInput, variantFormInput } from "./variant-schema";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const valid = {
  name: "Trail Lantern",
  slug: "trail-lantern",
  description: "Bright and light.",
  categoryId: "cat123",
  featured: "on",
};

const variant = { sku: "LANTERN-RED", price: "24.99", compareAtPrice: "", maxPerOrder: "5", weightGrams: "750" };

describe("parseProductForm", () => {
  it("reads the form's own fields", () => {
    const result = parseProductForm(form(valid));
    expect(result).toMatchObject({
      ok: true,
      fields: { name: "Trail Lantern", slug: "trail-lantern", description: "Bright and light.", categoryId: "cat123", featured: true },
    });
  });

  it("ignores every field the form does not own (mass assignment)", () => {
    const hostile = { ...valid, ...variant, stock: "999", currency: "EUR", published: "true", id: "someone-elses", createdAt: "2000-01-01", imagePath: "javascript:alert(1)", priceMinor: "1" };
    const result = parseProductForm(form(hostile));
    if (!result.ok) throw new Error("expected a valid form");
    expect(Object.keys(result.fields).sort()).toEqual(["categoryId", "description", "featured", "metaDescription", "metaTitle", "name", "slug"]);
    expect(Object.keys(result.values)).not.toContain("stock");
  });

  it("keeps HTML in text as typed (it is escaped when shown, never stripped or run)", () => {
    const html = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const result = parseProductForm(form({ ...valid, name: "Lamp <b>bold</b>", description: html }));
    expect(result).toMatchObject({ ok: true, fields: { name: "Lamp <b>bold</b>", description: html } });
  });

  it("refuses bad slugs on their field, keeping what was typed", () => {
    const result = parseProductForm(form({ ...valid, slug: "Trail Lantern!", name: "" }));
    if (result.ok) throw new Error("expected refusals");
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["name", "slug"]);
    expect(result.values).toMatchObject({ slug: "Trail Lantern!", featured: "on" });
    for (const slug of ["-lamp", "lamp-", "la--mp", "lamp_1", "LAMP", "lampe-é"]) {
      const refused = parseProductForm(form({ ...valid, slug }));
      expect(refused.ok, slug).toBe(false);
    }
  });

  it("refuses a name with control characters and text over the column limits", () => {
    expect(parseProductForm(form({ ...valid, name: "Lamp\u0000" })).ok).toBe(false);
    expect(parseProductForm(form({ ...valid, name: "x".repeat(121) })).ok).toBe(false);
    expect(parseProductForm(form({ ...valid, description: "x".repeat(4001) })).ok).toBe(false);
  });
});

describe("the new-product form", () => {
  it("reads the product and its first variant, the prices in minor units", () => {
    const result = parseForm(newProductFormInput, form({ ...valid, ...variant, compareAtPrice: "29.50" }));
    expect(result).toMatchObject({
      ok: true,
      data: {
        product: { name: "Trail Lantern", slug: "trail-lantern" },
        firstVariant: { sku: "LANTERN-RED", priceMinor: 2499, compareAtPriceMinor: 2950, maxPerOrder: 5, weightGrams: 750 },
      },
    });
  });

  it("refuses bad SKUs, prices and limits on their fields, keeping what was typed", () => {
    const result = parseForm(newProductFormInput, form({ ...valid, ...variant, sku: "=cmd|' /C calc'!A0", price: "-3", maxPerOrder: "0" }));
    if (result.ok) throw new Error("expected refusals");
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["maxPerOrder", "price", "sku"]);
    expect(result.values).toMatchObject({ price: "-3", maxPerOrder: "0" });
    for (const maxPerOrder of ["1000", "1.5", "-1", "ten"]) {
      expect(parseForm(newProductFormInput, form({ ...valid, ...variant, maxPerOrder })).ok, maxPerOrder).toBe(false);
    }
  });
});

describe("the variant form", () => {
  it("reads the chosen value of each option, in order, leaving out options the product does not have", () => {
    const result = parseForm(variantFormInput, form({ ...variant, option1: "M", option2: "Black", option3: "" }));
    expect(result).toMatchObject({ ok: true, data: { sku: "LANTERN-RED", optionValues: ["M", "Black"], priceMinor: 2499, compareAtPriceMinor: null } });
  });
});

describe("the options form", () => {
  it("reads up to three options with their values, trimmed and without repeats", () => {
    const result = parseForm(optionsFormInput, form({ name1: "Size", values1: " S, M ,L,M,, ", name2: "Colour", values2: "Black", name3: "", values3: "" }));
    expect(result).toMatchObject({ ok: true, data: [{ name: "Size", values: ["S", "M", "L"] }, { name: "Colour", values: ["Black"] }] });
  });

  it("refuses an option without values, values without a name and two options of one name", () => {
    const result = parseForm(optionsFormInput, form({ name1: "Size", values1: "", name2: "", values2: "Red", name3: "size", values3: "S" }));
    if (result.ok) throw new Error("expected refusals");
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["name2", "values1"]);
    const same = parseForm(optionsFormInput, form({ name1: "Size", values1: "S", name2: "size", values2: "M", name3: "", values3: "" }));
    expect(same.ok).toBe(false);
  });
});
