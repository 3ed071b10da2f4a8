import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PLACEHOLDER_IMAGE_PATH, productImagePath } from "@/lib/images/product-image-path";
import { testPng } from "@/lib/images/image-test-fixtures";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { deleteProductImage, moveProductImage, updateProductImageAlt } from "./staff-product-image-edits";
import { addProductImage } from "./staff-product-images";
import { adminProductFixtures, testAuditContext } from "./staff-products-test-fixtures";

const { staff, newProduct, productRow, auditEntriesOf } = adminProductFixtures();

const galleryOf = async (productId: string) =>
  (await db.productImage.findMany({ where: { productId }, orderBy: { position: "asc" }, select: { alt: true } })).map((image) => image.alt);

/** A product with an image per alt text, in that order. */
async function productWithGallery(...alts: string[]): Promise<{ productId: string; ids: string[]; manager: StaffViewer }> {
  const manager = await staff();
  const product = await newProduct({}, manager);
  const ids: string[] = [];
  for (const alt of alts) {
    const result = await addProductImage(manager, product.id, { bytes: await testPng(12, 12), alt }, testAuditContext);
    if (!result.ok) throw new Error(result.code);
    ids.push(result.imageId);
  }
  return { productId: product.id, ids, manager };
}

describe("gallery edits", () => {
  it("changes an image's alt text and audits it; the same text again writes nothing", async () => {
    const { productId, ids, manager } = await productWithGallery("Front", "Back");
    const target = { productId, imageId: ids[1] as string };
    expect(await updateProductImageAlt(manager, target, " The back, with the strap ", testAuditContext)).toMatchObject({ ok: true });
    expect(await galleryOf(productId)).toEqual(["Front", "The back, with the strap"]);
    expect((await auditEntriesOf(productId)).at(-1)).toMatchObject({
      action: "product.image_alt_updated",
      before: { imageId: ids[1], alt: "Back" },
      after: { imageId: ids[1], alt: "The back, with the strap" },
    });
    const count = (await auditEntriesOf(productId)).length;
    expect(await updateProductImageAlt(manager, target, "The back, with the strap", testAuditContext)).toMatchObject({ ok: true });
    expect(await auditEntriesOf(productId)).toHaveLength(count);
  });

  it("refuses empty or overlong alt text, changing nothing", async () => {
    const { productId, ids, manager } = await productWithGallery("Front");
    for (const alt of ["", "  ", "x".repeat(201)]) {
      expect(await updateProductImageAlt(manager, { productId, imageId: ids[0] as string }, alt, testAuditContext)).toEqual({ ok: false, code: "invalid_alt" });
    }
    expect(await galleryOf(productId)).toEqual(["Front"]);
  });

  it("moves images up and down; the cover follows the first image; moving past an end changes nothing", async () => {
    const { productId, ids, manager } = await productWithGallery("A", "B", "C");
    const [a, b, c] = ids as [string, string, string];
    expect((await productRow(productId)).imagePath).toBe(productImagePath(a));
    expect(await moveProductImage(manager, { productId, imageId: c }, "up", testAuditContext)).toMatchObject({ ok: true });
    expect(await galleryOf(productId)).toEqual(["A", "C", "B"]);
    expect(await moveProductImage(manager, { productId, imageId: c }, "up", testAuditContext)).toEqual({ ok: true, imagePath: productImagePath(c) });
    expect(await galleryOf(productId)).toEqual(["C", "A", "B"]);
    expect((await productRow(productId)).imagePath).toBe(productImagePath(c));
    expect((await auditEntriesOf(productId)).at(-1)).toMatchObject({
      action: "product.image_moved",
      before: { imageId: c, position: 1, imagePath: productImagePath(a) },
      after: { imageId: c, position: 0, imagePath: productImagePath(c) },
    });
    const count = (await auditEntriesOf(productId)).length;
    expect(await moveProductImage(manager, { productId, imageId: c }, "up", testAuditContext)).toMatchObject({ ok: true });
    expect(await moveProductImage(manager, { productId, imageId: b }, "down", testAuditContext)).toMatchObject({ ok: true });
    expect(await galleryOf(productId)).toEqual(["C", "A", "B"]);
    expect(await auditEntriesOf(productId)).toHaveLength(count);
    expect(await moveProductImage(manager, { productId, imageId: c }, "down", testAuditContext)).toMatchObject({ ok: true });
    expect(await galleryOf(productId)).toEqual(["A", "C", "B"]);
    expect((await productRow(productId)).imagePath).toBe(productImagePath(a));
  });

  it("deletes an image with its widths, closing the gap; deleting the cover promotes the next; the last leaves the placeholder", async () => {
    const { productId, ids, manager } = await productWithGallery("A", "B", "C");
    const [a, b, c] = ids as [string, string, string];
    expect(await deleteProductImage(manager, { productId, imageId: b }, testAuditContext)).toMatchObject({ ok: true });
    expect(await db.productImage.findMany({ where: { productId }, orderBy: { position: "asc" }, select: { id: true, position: true } })).toEqual([
      { id: a, position: 0 },
      { id: c, position: 1 },
    ]);
    expect(await db.productImageRendition.count({ where: { imageId: b } })).toBe(0);
    expect(await deleteProductImage(manager, { productId, imageId: a }, testAuditContext)).toEqual({ ok: true, imagePath: productImagePath(c) });
    expect((await productRow(productId)).imagePath).toBe(productImagePath(c));
    expect(await deleteProductImage(manager, { productId, imageId: c }, testAuditContext)).toEqual({ ok: true, imagePath: PLACEHOLDER_IMAGE_PATH });
    expect((await productRow(productId)).imagePath).toBe(PLACEHOLDER_IMAGE_PATH);
    expect((await auditEntriesOf(productId)).at(-1)).toMatchObject({
      action: "product.image_deleted",
      before: { imageId: c, alt: "C", imagePath: productImagePath(c) },
      after: { imageId: c, deleted: true, imagePath: PLACEHOLDER_IMAGE_PATH },
    });
  });

  it("refuses an image id of another product (a tampered form) for every edit, changing and auditing nothing", async () => {
    const mine = await productWithGallery("Mine");
    const theirs = await productWithGallery("Theirs 1", "Theirs 2");
    const forged = { productId: mine.productId, imageId: theirs.ids[1] as string };
    const before = (await auditEntriesOf(mine.productId)).length;
    expect(await updateProductImageAlt(mine.manager, forged, "Hijacked", testAuditContext)).toEqual({ ok: false, code: "image_not_found" });
    expect(await moveProductImage(mine.manager, forged, "up", testAuditContext)).toEqual({ ok: false, code: "image_not_found" });
    expect(await deleteProductImage(mine.manager, forged, testAuditContext)).toEqual({ ok: false, code: "image_not_found" });
    expect(await galleryOf(theirs.productId)).toEqual(["Theirs 1", "Theirs 2"]);
    expect(await galleryOf(mine.productId)).toEqual(["Mine"]);
    expect(await auditEntriesOf(mine.productId)).toHaveLength(before);
    expect(await deleteProductImage(mine.manager, { productId: "no-such-product", imageId: mine.ids[0] as string }, testAuditContext)).toEqual({ ok: false, code: "not_found" });
  });

  it("refuses roles without products:write in the DAL itself, changing nothing", async () => {
    const { productId, ids } = await productWithGallery("A", "B");
    const target = { productId, imageId: ids[1] as string };
    for (const role of ["support", "fulfilment", "auditor"] as const) {
      const viewer = await staff(role);
      await expect(updateProductImageAlt(viewer, target, "Changed", testAuditContext)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(moveProductImage(viewer, target, "up", testAuditContext)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(deleteProductImage(viewer, target, testAuditContext)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect(await galleryOf(productId)).toEqual(["A", "B"]);
  });
});
