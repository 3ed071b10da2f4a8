import { describe, expect, it } from "vitest";
import { parseStaffProductFilters } from "@/lib/catalog/staff-product-filters";
import { db } from "@/lib/db";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { getProduct } from "./products";
import { setProductArchived } from "./staff-product-archive";
import { setProductPublished } from "./staff-product-publish";
import { listStaffProducts } from "./staff-products";
import { adminProductFixtures, testAuditContext } from "./staff-products-test-fixtures";

const { staff, uniqueSlug, newProduct, productRow, auditEntriesOf } = adminProductFixtures();

describe("setProductArchived", () => {
  it("archives a published product out of the shop and the default list, and restores it as a draft", async () => {
    const marker = uniqueSlug("zarch");
    const product = await newProduct({ name: `Vitest ${marker} Lantern` });
    const manager = await staff();
    await setProductPublished(manager, product.id, true, testAuditContext);
    const listed = async (status: string) => (await listStaffProducts(manager, parseStaffProductFilters({ q: marker, status }))).products.map((row) => row.id);

    expect(await setProductArchived(manager, product.id, true, testAuditContext)).toEqual({ ok: true, changed: true });
    expect(await productRow(product.id)).toMatchObject({ published: false, archivedAt: expect.any(Date) });
    expect(await getProduct(product.slug)).toBeNull();
    expect(await listed("all")).toEqual([]);
    expect(await listed("archived")).toEqual([product.id]);
    // Archived: it cannot be published until restored.
    expect(await setProductPublished(manager, product.id, true, testAuditContext)).toEqual({ ok: false, code: "archived" });
    expect(await setProductArchived(manager, product.id, true, testAuditContext)).toEqual({ ok: true, changed: false });

    expect(await setProductArchived(manager, product.id, false, testAuditContext)).toEqual({ ok: true, changed: true });
    expect(await productRow(product.id)).toMatchObject({ published: false, archivedAt: null });
    expect(await listed("unpublished")).toEqual([product.id]);
    expect((await auditEntriesOf(product.id)).map((entry) => entry.action)).toEqual(["product.created", "product.published", "product.archived", "product.restored"]);
  });

  it("keeps the orders' lines and the database refuses a published archived product", async () => {
    const product = await newProduct();
    await setProductArchived(await staff(), product.id, true, testAuditContext);
    await expect(db.product.update({ where: { id: product.id }, data: { published: true } })).rejects.toThrow();
    expect((await productRow(product.id)).published).toBe(false);
  });

  it("is refused to roles without products:write, and an unknown product is not found", async () => {
    const product = await newProduct();
    for (const role of ["support", "fulfilment", "auditor"] as const) {
      await expect(setProductArchived(await staff(role), product.id, true, testAuditContext)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect((await productRow(product.id)).archivedAt).toBeNull();
    expect(await setProductArchived(await staff(), "no-such-product", true, testAuditContext)).toEqual({ ok: false, code: "not_found" });
  });
});
