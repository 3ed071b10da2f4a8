import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { getCategory, listCategories } from "./products";
import { listSitemapCatalog } from "./sitemap";
import { setProductPublished } from "./staff-product-publish";
import { type CategoryFields, listStaffCategories, moveCategory, saveCategory, setCategoryArchived } from "./staff-categories";
import { adminProductFixtures, testAuditContext as context } from "./staff-products-test-fixtures";

requireTestDatabaseUrl();
const fixtures = adminProductFixtures();
const categoryIds: string[] = [];
// The fixtures delete their products and staff after the suite; a test's products in its own categories go first here.
afterAll(async () => {
  await db.product.deleteMany({ where: { categoryId: { in: categoryIds } } });
  await db.category.deleteMany({ where: { id: { in: categoryIds } } });
});

const fields = (overrides: Partial<CategoryFields> = {}): CategoryFields => ({
  name: "Vitest Garden",
  slug: fixtures.uniqueSlug("vitest-category"),
  description: "A category made by the category tests.",
  metaTitle: null,
  metaDescription: null,
  ...overrides,
});

async function newCategory(overrides: Partial<CategoryFields> = {}) {
  const result = await saveCategory(await fixtures.staff(), null, fields(overrides), context);
  if (!result.ok) throw new Error(result.code);
  categoryIds.push(result.id);
  return result.id;
}

const auditActions = async (id: string) =>
  (await db.auditEntry.findMany({ where: { targetType: "category", targetId: id }, orderBy: { id: "asc" } })).map((entry) => entry.action);

describe("staff categories", () => {
  it("creates a category at the end of the shop's order and saves its fields, audited; a taken slug is refused", async () => {
    const slug = fixtures.uniqueSlug("vitest-category");
    const id = await newCategory({ slug });
    const staff = await fixtures.staff();
    expect(await saveCategory(staff, null, fields({ slug }), context)).toEqual({ ok: false, code: "slug_taken" });
    expect(await saveCategory(staff, id, fields({ slug, name: "Vitest Patio", metaTitle: "Patio furniture" }), context)).toEqual({ ok: true, id });
    expect(await getCategory(slug)).toMatchObject({ name: "Vitest Patio", metaTitle: "Patio furniture" });
    const live = (await listCategories()).map((category) => category.slug);
    expect(live.at(-1)).toBe(slug);
    expect(await auditActions(id)).toEqual(["category.created", "category.updated"]);
  });

  it("moves a category up and down the order, and not past either end", async () => {
    const first = await newCategory();
    const second = await newCategory();
    const staff = await fixtures.staff();
    const order = async () => (await listStaffCategories(staff)).filter((category) => [first, second].includes(category.id)).map((category) => category.id);
    expect(await order()).toEqual([first, second]);
    expect(await moveCategory(staff, second, "up", context)).toEqual({ ok: true, id: second });
    expect(await order()).toEqual([second, first]);
    await moveCategory(staff, second, "down", context);
    expect(await order()).toEqual([first, second]);
    expect(await auditActions(second)).toContain("category.moved");
  });

  it("two moves at once leave every live category on its own place", async () => {
    const ids = [await newCategory(), await newCategory(), await newCategory()];
    const staff = await fixtures.staff();
    await Promise.all([moveCategory(staff, ids[2]!, "up", context), moveCategory(staff, ids[1]!, "down", context)]);
    const positions = (await db.category.findMany({ where: { archivedAt: null }, select: { position: true } })).map((row) => row.position);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it("archives a category out of the navigation, its page and the sitemap, and restores it at the end", async () => {
    const slug = fixtures.uniqueSlug("vitest-category");
    const id = await newCategory({ slug });
    const staff = await fixtures.staff();
    expect(await setCategoryArchived(staff, id, true, context)).toEqual({ ok: true, id });
    expect((await listCategories()).map((category) => category.slug)).not.toContain(slug);
    expect(await getCategory(slug)).toBeNull();
    expect((await listSitemapCatalog()).categories.map((category) => category.slug)).not.toContain(slug);
    expect((await listStaffCategories(staff)).find((category) => category.id === id)).toMatchObject({ archived: true });
    // A moved or saved product cannot go into it.
    const product = await fixtures.productFields({ categoryId: id });
    const { createProduct } = await import("./staff-product-save");
    expect(await createProduct(staff, product, fixtures.firstVariant(), context)).toEqual({ ok: false, code: "unknown_category" });
    expect(await moveCategory(staff, id, "up", context)).toEqual({ ok: false, code: "archived" });

    expect(await setCategoryArchived(staff, id, false, context)).toEqual({ ok: true, id });
    expect(await getCategory(slug)).not.toBeNull();
    expect(await auditActions(id)).toEqual(["category.created", "category.archived", "category.restored"]);
  });

  it("a hidden product in an archived category cannot be published", async () => {
    const id = await newCategory();
    const staff = await fixtures.staff();
    const product = await fixtures.newProduct({ categoryId: id });
    expect(await setCategoryArchived(staff, id, true, context)).toEqual({ ok: true, id });
    expect(await setProductPublished(staff, product.id, true, context)).toEqual({ ok: false, code: "category_archived" });
    expect((await fixtures.productRow(product.id)).published).toBe(false);
  });

  it("refuses to archive a category that holds published products, changing nothing", async () => {
    const id = await newCategory();
    const staff = await fixtures.staff();
    const product = await fixtures.newProduct({ categoryId: id });
    await db.product.update({ where: { id: product.id }, data: { published: true } });
    expect(await setCategoryArchived(staff, id, true, context)).toEqual({ ok: false, code: "has_products" });
    expect((await db.category.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    expect(await auditActions(id)).toEqual(["category.created"]);
  });

  it("needs products:write to change anything, and products:read to look", async () => {
    const id = await newCategory();
    const support = await fixtures.staff("support");
    await expect(saveCategory(support, id, fields(), context)).rejects.toThrow(PermissionDeniedError);
    await expect(moveCategory(support, id, "up", context)).rejects.toThrow(PermissionDeniedError);
    await expect(setCategoryArchived(support, id, true, context)).rejects.toThrow(PermissionDeniedError);
    expect((await listStaffCategories(support)).some((category) => category.id === id)).toBe(true);
    expect(await auditActions(id)).toEqual(["category.created"]);
  });
});
