import { describe, expect, it } from "vitest";
import { newProductFormInput } from "@/lib/actions/admin/products/product-schema";
import { parseForm } from "@/lib/actions/pipeline/form-input";
import { dataClasses } from "@/lib/data-classes/schema-classes";
import { db } from "@/lib/db";
import { PLACEHOLDER_IMAGE_PATH } from "@/lib/images/product-image-path";
import { getStaffProduct, listStaffProducts } from "./staff-products";
import { ADMIN_PRODUCTS_PAGE_SIZE, parseStaffProductFilters } from "@/lib/catalog/staff-product-filters";
import { setProductPublished } from "./staff-product-publish";
import { createProduct, type ProductFields, updateProduct } from "./staff-product-save";
import { adminProductFixtures, testAuditContext } from "./staff-products-test-fixtures";
import { getCategoryPage, getProduct } from "./products";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";

const { staff, uniqueSlug, productFields, firstVariant, newProduct, track, productRow, auditEntriesOf } = adminProductFixtures();

const variantsOf = (productId: string) =>
  db.productVariant.findMany({ where: { productId }, select: { sku: true, optionValues: true, priceMinor: true, compareAtPriceMinor: true, stock: true, maxPerOrder: true, weightGrams: true } });

const filters = (raw: Record<string, string>) => parseStaffProductFilters(raw);

describe("createProduct", () => {
  it("creates an unpublished product and its first variant with no stock in the shop's currency, audited with its values", async () => {
    const manager = await staff();
    const fields = await productFields({ name: "Vitest Camp Kettle", featured: true });
    const variant = firstVariant({ priceMinor: 3150, compareAtPriceMinor: 3500 });
    const result = await createProduct(manager, fields, variant, testAuditContext);
    if (!result.ok) throw new Error(result.code);
    track(result.id);

    const row = await productRow(result.id);
    expect(row).toMatchObject({ ...fields, currency: "USD", priceMinor: 3150, published: false, imagePath: PLACEHOLDER_IMAGE_PATH });
    expect(await variantsOf(result.id)).toEqual([{ ...variant, optionValues: [], stock: 0 }]);
    const [entry, ...others] = await auditEntriesOf(result.id);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      action: "product.created",
      actorId: manager.userId,
      actorRole: "catalog_manager",
      outcome: "success",
      before: null,
      ip: testAuditContext.ip,
      requestId: testAuditContext.requestId,
    });
    expect(entry?.after).toEqual({ ...fields, currency: "USD", published: false, imagePath: PLACEHOLDER_IMAGE_PATH, variant });
  });

  it("stores the price typed in the new-product form as integer minor units", async () => {
    const data = new FormData();
    const fields = await productFields();
    const typed = { ...fields, sku: uniqueSlug("vt"), price: "1234.5", compareAtPrice: "", maxPerOrder: "3", weightGrams: "250", featured: "" };
    for (const [name, value] of Object.entries(typed)) data.append(name, String(value));
    const form = parseForm(newProductFormInput, data);
    if (!form.ok) throw new Error(JSON.stringify(form.fieldErrors));
    const result = await createProduct(await staff(), form.data.product, form.data.firstVariant, testAuditContext);
    if (!result.ok) throw new Error(result.code);
    track(result.id);
    expect(await productRow(result.id)).toMatchObject({ priceMinor: 123_450 });
    expect(await variantsOf(result.id)).toMatchObject([{ sku: typed.sku, priceMinor: 123_450, compareAtPriceMinor: null, maxPerOrder: 3, weightGrams: 250 }]);
  });

  it("ignores fields the form does not own, even when a caller passes them (mass assignment)", async () => {
    const fields = await productFields();
    const extra = { stock: 500, currency: "EUR", published: true, id: "chosen-id", imagePath: "https://evil.test/x.svg", createdAt: new Date(0) };
    const variant = { ...firstVariant(), stock: 700, optionValues: ["Injected"] };
    const result = await createProduct(await staff(), { ...fields, ...extra } as ProductFields, variant, testAuditContext);
    if (!result.ok) throw new Error(result.code);
    track(result.id);
    expect(result.id).not.toBe("chosen-id");
    const row = await productRow(result.id);
    expect(row).toMatchObject({ currency: "USD", published: false, imagePath: PLACEHOLDER_IMAGE_PATH });
    expect(row.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await variantsOf(result.id)).toMatchObject([{ stock: 0, optionValues: [] }]);
  });

  it("refuses a slug or SKU another product has, an unknown category and a compare-at price not above the price, changing nothing", async () => {
    const existing = await newProduct();
    const manager = await staff();
    const duplicate = await createProduct(manager, await productFields({ slug: existing.slug, name: "Vitest Duplicate" }), firstVariant(), testAuditContext);
    expect(duplicate).toEqual({ ok: false, code: "slug_taken" });
    expect(await db.product.count({ where: { name: "Vitest Duplicate" } })).toBe(0);

    const slug = uniqueSlug();
    const orphan = await createProduct(manager, await productFields({ slug, categoryId: "no-such-category" }), firstVariant(), testAuditContext);
    expect(orphan).toEqual({ ok: false, code: "unknown_category" });
    const sameSku = await createProduct(manager, await productFields({ slug }), firstVariant({ sku: existing.sku }), testAuditContext);
    expect(sameSku).toEqual({ ok: false, code: "sku_taken" });
    const notAbove = await createProduct(manager, await productFields({ slug }), firstVariant({ priceMinor: 2000, compareAtPriceMinor: 2000 }), testAuditContext);
    expect(notAbove).toEqual({ ok: false, code: "compare_at_not_above" });
    expect(await db.product.count({ where: { slug } })).toBe(0);
  });

  it("answers slug_taken to two concurrent creates of the same slug: one wins", async () => {
    const manager = await staff();
    const fields = await productFields();
    const results = await Promise.all([1, 2, 3].map(() => createProduct(manager, fields, firstVariant(), testAuditContext)));
    for (const result of results) if (result.ok) track(result.id);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, code: "slug_taken" },
      { ok: false, code: "slug_taken" },
    ]);
  });
});

describe("updateProduct", () => {
  it("saves the owned fields and audits only what changed, before and after", async () => {
    const product = await newProduct();
    const manager = await staff();
    const changes = { ...product, name: "Vitest Renamed Lantern", featured: true };
    expect(await updateProduct(manager, product.id, changes, testAuditContext)).toEqual({ ok: true, id: product.id });
    expect(await productRow(product.id)).toMatchObject({ name: "Vitest Renamed Lantern", featured: true, slug: product.slug });

    const entries = await auditEntriesOf(product.id);
    expect(entries.map((entry) => entry.action)).toEqual(["product.created", "product.updated"]);
    expect(entries[1]).toMatchObject({
      actorId: manager.userId,
      before: { name: product.name, featured: false },
      after: { name: "Vitest Renamed Lantern", featured: true },
    });

    // Saving the same values again changes nothing and records nothing.
    expect(await updateProduct(manager, product.id, changes, testAuditContext)).toEqual({ ok: true, id: product.id });
    expect(await auditEntriesOf(product.id)).toHaveLength(2);
  });

  it("ignores stock, price, currency and published passed alongside the fields", async () => {
    const product = await newProduct();
    const hostile = { ...product, name: "Vitest Hostile Save", stock: 9999, priceMinor: 1, currency: "JPY", published: true, updatedAt: new Date(0) };
    expect((await updateProduct(await staff(), product.id, hostile as ProductFields, testAuditContext)).ok).toBe(true);
    expect(await productRow(product.id)).toMatchObject({ name: "Vitest Hostile Save", priceMinor: 2499, currency: "USD", published: false });
    expect(await variantsOf(product.id)).toMatchObject([{ stock: 0, priceMinor: 2499 }]);
    const [, updated] = await auditEntriesOf(product.id);
    expect(Object.keys(updated?.after as object)).toEqual(["name"]);
  });

  it("refuses another product's slug and an unknown product", async () => {
    const [first, second] = [await newProduct(), await newProduct()];
    const manager = await staff();
    expect(await updateProduct(manager, second.id, { ...second, slug: first.slug }, testAuditContext)).toEqual({ ok: false, code: "slug_taken" });
    expect((await productRow(second.id)).slug).toBe(second.slug);
    expect(await auditEntriesOf(second.id)).toHaveLength(1);
    expect(await updateProduct(manager, "no-such-product", second, testAuditContext)).toEqual({ ok: false, code: "not_found" });
  });
});

describe("setProductPublished", () => {
  it("publishes into the public catalog and unpublishes out of it, audited once per change", async () => {
    const product = await newProduct({ name: "Vitest Publishable Lantern" });
    const manager = await staff();
    expect(await getProduct(product.slug)).toBeNull();

    expect(await setProductPublished(manager, product.id, true, testAuditContext)).toEqual({ ok: true, changed: true });
    expect((await getProduct(product.slug))?.name).toBe("Vitest Publishable Lantern");
    const outdoor = await getCategoryPage("outdoor", 1, "newest");
    expect(outdoor?.products.map((shown) => shown.slug)).toContain(product.slug);

    expect(await setProductPublished(manager, product.id, false, testAuditContext)).toEqual({ ok: true, changed: true });
    expect(await getProduct(product.slug)).toBeNull();
    const hidden = await getCategoryPage("outdoor", 1, "newest");
    expect(hidden?.products.map((shown) => shown.slug)).not.toContain(product.slug);

    // Unpublishing again is no change and no entry.
    expect(await setProductPublished(manager, product.id, false, testAuditContext)).toEqual({ ok: true, changed: false });
    const entries = await auditEntriesOf(product.id);
    expect(entries.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ["product.created", null, expect.anything()],
      ["product.published", { published: false }, { published: true }],
      ["product.unpublished", { published: true }, { published: false }],
    ]);
    expect(await setProductPublished(manager, "no-such-product", true, testAuditContext)).toEqual({ ok: false, code: "not_found" });
  });
});

describe("permissions are checked again in the DAL", () => {
  it("refuses product writes to roles without products:write, changing nothing", async () => {
    const product = await newProduct();
    for (const role of ["support", "fulfilment", "auditor"] as const) {
      const viewer = await staff(role);
      const slug = uniqueSlug();
      await expect(createProduct(viewer, await productFields({ slug }), firstVariant(), testAuditContext)).rejects.toBeInstanceOf(PermissionDeniedError);
      expect(await db.product.count({ where: { slug } })).toBe(0);
      await expect(updateProduct(viewer, product.id, { ...product, name: "Vitest Denied" }, testAuditContext)).rejects.toBeInstanceOf(
        PermissionDeniedError,
      );
      await expect(setProductPublished(viewer, product.id, true, testAuditContext)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect(await productRow(product.id)).toMatchObject({ name: product.name, published: false });
    expect(await auditEntriesOf(product.id)).toHaveLength(1);
  });
});

describe("listStaffProducts and getStaffProduct", () => {
  it("finds products by name, category and status, unpublished ones included", async () => {
    const marker = uniqueSlug("zq");
    const draft = await newProduct({ name: `Vitest ${marker} Draft Stove` });
    const live = await newProduct({ name: `Vitest ${marker} Live Stove` });
    const manager = await staff();
    await setProductPublished(manager, live.id, true, testAuditContext);
    const reader = await staff("auditor");

    const ids = async (raw: Record<string, string>) => (await listStaffProducts(reader, filters(raw))).products.map((product) => product.id);
    expect(new Set(await ids({ q: marker.toUpperCase() }))).toEqual(new Set([draft.id, live.id]));
    expect(await ids({ q: marker, status: "unpublished" })).toEqual([draft.id]);
    expect(await ids({ q: marker, status: "published" })).toEqual([live.id]);
    expect(new Set(await ids({ q: marker, category: "outdoor" }))).toEqual(new Set([draft.id, live.id]));
    expect(await ids({ q: marker, category: "audio" })).toEqual([]);
  });

  it("pages by 50 and parses hostile parameters into defaults", async () => {
    const reader = await staff("support");
    const first = await listStaffProducts(reader, filters({}));
    expect(first.products.length).toBe(Math.min(first.total, ADMIN_PRODUCTS_PAGE_SIZE));
    expect(first.pages).toBe(Math.max(1, Math.ceil(first.total / ADMIN_PRODUCTS_PAGE_SIZE)));
    expect(parseStaffProductFilters({ page: "-4", status: "<script>", category: "../etc", q: "  a\u0000b  " })).toEqual({
      query: "a b",
      category: null,
      status: "all",
      page: 1,
    });
  });

  it("returns staff DTOs with pinned keys and no column above internal", async () => {
    const product = await newProduct();
    const reader = await staff("fulfilment");
    const dto = await getStaffProduct(reader, product.id);
    expect(Object.keys(dto ?? {}).sort()).toEqual(
      ["archived", "categoryId", "categoryName", "description", "featured", "id", "imagePath", "metaDescription", "metaTitle", "name", "options", "price", "published", "slug", "stock", "updatedAt", "variantCount", "variants"].sort(),
    );
    expect(Object.keys(dto?.variants[0] ?? {}).sort()).toEqual(["archived", "compareAtPrice", "id", "maxPerOrder", "optionValues", "price", "sku", "stock", "weightGrams"]);
    const [summary] = (await listStaffProducts(reader, filters({ q: product.name }))).products;
    expect(Object.keys(summary ?? {}).sort()).toEqual(["archived", "categoryName", "featured", "id", "name", "price", "published", "slug", "stock", "variantCount"]);
    const sources = ["id", "slug", "name", "description", "priceMinor", "currency", "imagePath", "featured", "published", "archivedAt", "metaTitle", "metaDescription", "categoryId", "updatedAt"];
    for (const field of sources) expect(["public", "internal"], field).toContain(dataClasses.classOf("Product", field));
    const variantSources = ["id", "sku", "optionValues", "priceMinor", "compareAtPriceMinor", "stock", "weightGrams", "maxPerOrder", "archivedAt"];
    for (const field of variantSources) expect(["public", "internal"], field).toContain(dataClasses.classOf("ProductVariant", field));
    expect(await getStaffProduct(reader, "no-such-product")).toBeNull();
  });
});
