import { describe, expect, it } from "vitest";
import { parseProductForm } from "./product-schema";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const valid = {
  name: "Trail Lantern",
  slug: "trail-lantern",
  description: "Bright and light.",
  price: "24.99",
  categoryId: "cat123",
  maxPerOrder: "5",
  weightGrams: "750",
  featured: "on",
};

describe("parseProductForm", () => {
  it("reads the form's own fields, with the price in minor units", () => {
    const result = parseProductForm(form(valid));
    expect(result).toMatchObject({
      ok: true,
      fields: { name: "Trail Lantern", slug: "trail-lantern", description: "Bright and light.", priceMinor: 2499, categoryId: "cat123", maxPerOrder: 5, weightGrams: 750, featured: true },
    });
  });

  it("ignores every field the form does not own (mass assignment)", () => {
    const hostile = { ...valid, stock: "999", currency: "EUR", published: "true", id: "someone-elses", createdAt: "2000-01-01", imagePath: "javascript:alert(1)", priceMinor: "1" };
    const result = parseProductForm(form(hostile));
    if (!result.ok) throw new Error("expected a valid form");
    expect(Object.keys(result.fields).sort()).toEqual(["categoryId", "description", "featured", "maxPerOrder", "metaDescription", "metaTitle", "name", "priceMinor", "slug", "weightGrams"]);
    expect(result.fields.priceMinor).toBe(2499);
    expect(Object.keys(result.values)).not.toContain("stock");
  });

  it("keeps HTML in text as typed (it is escaped when shown, never stripped or run)", () => {
    const html = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const result = parseProductForm(form({ ...valid, name: "Lamp <b>bold</b>", description: html }));
    expect(result).toMatchObject({ ok: true, fields: { name: "Lamp <b>bold</b>", description: html } });
  });

  it("refuses bad slugs, prices and limits on their fields, keeping what was typed", () => {
    const result = parseProductForm(form({ ...valid, slug: "Trail Lantern!", price: "-3", maxPerOrder: "0", name: "" }));
    if (result.ok) throw new Error("expected refusals");
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["maxPerOrder", "name", "price", "slug"]);
    expect(result.values).toMatchObject({ slug: "Trail Lantern!", price: "-3", maxPerOrder: "0", featured: "on" });
    for (const slug of ["-lamp", "lamp-", "la--mp", "lamp_1", "LAMP", "lampe-é"]) {
      const refused = parseProductForm(form({ ...valid, slug }));
      expect(refused.ok, slug).toBe(false);
    }
    for (const maxPerOrder of ["1000", "1.5", "-1", "ten"]) {
      expect(parseProductForm(form({ ...valid, maxPerOrder })).ok, maxPerOrder).toBe(false);
    }
  });

  it("refuses a name with control characters and text over the column limits", () => {
    expect(parseProductForm(form({ ...valid, name: "Lamp\u0000" })).ok).toBe(false);
    expect(parseProductForm(form({ ...valid, name: "x".repeat(121) })).ok).toBe(false);
    expect(parseProductForm(form({ ...valid, description: "x".repeat(4001) })).ok).toBe(false);
  });
});
