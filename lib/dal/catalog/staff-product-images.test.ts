import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_PRODUCT_IMAGES } from "@/lib/images/gallery-limits";
import { MAX_IMAGE_UPLOAD_BYTES } from "@/lib/images/image-limits";
import { PLACEHOLDER_IMAGE_PATH } from "@/lib/images/product-image-path";
import { sniffImageType } from "@/lib/images/sniff-image-type";
import { pngClaimingSize, scriptRenamedPng, svgWithScript, testJpegWithExif, testPng } from "@/lib/images/image-test-fixtures";
import { addProductImage } from "./staff-product-images";
import { adminProductFixtures, testAuditContext } from "./staff-products-test-fixtures";
import { getProductImageFile } from "./product-images";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";

const { staff, newProduct, productRow, auditEntriesOf } = adminProductFixtures();

const galleryOf = (productId: string) =>
  db.productImage.findMany({ where: { productId }, orderBy: { position: "asc" }, select: { id: true, position: true, alt: true } });

describe("addProductImage", () => {
  it("stores a PNG re-encoded as WebP with its alt text and narrower widths, makes it the cover, and audits the change", async () => {
    const product = await newProduct();
    const manager = await staff();
    const result = await addProductImage(manager, product.id, { bytes: await testPng(700, 500), alt: "  A lantern, lit, on a table  " }, testAuditContext);
    if (!result.ok) throw new Error(result.code);
    expect(result.imagePath).toBe(`/product-images/${result.imageId}`);
    expect((await productRow(product.id)).imagePath).toBe(result.imagePath);
    expect(await galleryOf(product.id)).toEqual([{ id: result.imageId, position: 0, alt: "A lantern, lit, on a table" }]);

    const file = await getProductImageFile(result.imageId, null, async () => manager);
    expect(file?.contentType).toBe("image/webp");
    expect(sniffImageType(file?.bytes ?? new Uint8Array())).toBe("webp");
    expect(await sharp(file?.bytes).metadata()).toMatchObject({ format: "webp", width: 700, height: 500 });
    // Stored widths: only the ones narrower than the image (nothing enlarged).
    const widths = await db.productImageRendition.findMany({ where: { imageId: result.imageId }, orderBy: { width: "asc" }, select: { width: true, height: true } });
    expect(widths).toEqual([
      { width: 320, height: 229 },
      { width: 640, height: 457 },
    ]);

    const entries = await auditEntriesOf(product.id);
    expect(entries.at(-1)).toMatchObject({
      action: "product.image_uploaded",
      actorId: manager.userId,
      before: { imagePath: PLACEHOLDER_IMAGE_PATH },
      after: { imagePath: result.imagePath, id: result.imageId, alt: "A lantern, lit, on a table", position: 0, width: 700, height: 500, widths: [320, 640] },
    });
  });

  it("strips a JPEG's EXIF metadata before storing it", async () => {
    const product = await newProduct();
    const manager = await staff();
    const result = await addProductImage(manager, product.id, { bytes: await testJpegWithExif(), alt: "A photo" }, testAuditContext);
    if (!result.ok) throw new Error(result.code);
    const file = await getProductImageFile(result.imageId, null, async () => manager);
    expect(Buffer.from(file?.bytes ?? []).includes("SECRET-ARTIST-NAME")).toBe(false);
    expect((await sharp(file?.bytes).metadata()).exif).toBeUndefined();
  });

  it("adds later uploads after the first, which stays the cover", async () => {
    const product = await newProduct();
    const manager = await staff();
    const first = await addProductImage(manager, product.id, { bytes: await testPng(10, 10), alt: "Front" }, testAuditContext);
    const second = await addProductImage(manager, product.id, { bytes: await testPng(20, 20), alt: "Back" }, testAuditContext);
    if (!first.ok || !second.ok) throw new Error("upload failed");
    expect(second.imagePath).toBe(first.imagePath);
    expect(await galleryOf(product.id)).toEqual([
      { id: first.imageId, position: 0, alt: "Front" },
      { id: second.imageId, position: 1, alt: "Back" },
    ]);
  });

  it("refuses an image without alt text, with only spaces, over 200 characters or on two lines, storing nothing", async () => {
    const product = await newProduct();
    const manager = await staff();
    const png = await testPng();
    for (const alt of ["", "   ", "x".repeat(201), "one\ntwo"]) {
      expect(await addProductImage(manager, product.id, { bytes: png, alt }, testAuditContext), JSON.stringify(alt)).toEqual({ ok: false, code: "invalid_alt" });
    }
    expect(await galleryOf(product.id)).toEqual([]);
    expect((await productRow(product.id)).imagePath).toBe(PLACEHOLDER_IMAGE_PATH);
  });

  it(`refuses an image beyond ${MAX_PRODUCT_IMAGES}, saying why`, async () => {
    const product = await newProduct();
    const manager = await staff();
    const png = await testPng(8, 8);
    for (let n = 0; n < MAX_PRODUCT_IMAGES; n++) {
      expect(await addProductImage(manager, product.id, { bytes: png, alt: `View ${n}` }, testAuditContext)).toMatchObject({ ok: true });
    }
    expect(await addProductImage(manager, product.id, { bytes: png, alt: "One too many" }, testAuditContext)).toEqual({ ok: false, code: "too_many_images" });
    expect((await galleryOf(product.id)).map((image) => image.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it(`lets only one of several uploads at once be the ${MAX_PRODUCT_IMAGES}th (the product row is locked while counting)`, async () => {
    const product = await newProduct();
    const manager = await staff();
    const png = await testPng(8, 8);
    for (let n = 0; n < MAX_PRODUCT_IMAGES - 1; n++) await addProductImage(manager, product.id, { bytes: png, alt: `View ${n}` }, testAuditContext);
    const racing = await Promise.all([1, 2, 3, 4].map((n) => addProductImage(manager, product.id, { bytes: png, alt: `Racer ${n}` }, testAuditContext)));
    expect(racing.filter((result) => result.ok)).toHaveLength(1);
    expect(racing.filter((result) => !result.ok)).toEqual([1, 2, 3].map(() => ({ ok: false, code: "too_many_images" })));
    expect((await galleryOf(product.id)).map((image) => image.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("refuses a script renamed .png, an SVG, an oversized file and a decompression bomb, storing nothing", async () => {
    const product = await newProduct();
    const manager = await staff();
    const oversized = Buffer.concat([await testPng(), Buffer.alloc(MAX_IMAGE_UPLOAD_BYTES)]);
    const attempts: [Uint8Array, string][] = [
      [scriptRenamedPng, "not_an_image"],
      [svgWithScript, "not_an_image"],
      [oversized, "too_large"],
      [await pngClaimingSize(40_000, 40_000), "too_many_pixels"],
    ];
    for (const [bytes, code] of attempts) {
      expect(await addProductImage(manager, product.id, { bytes, alt: "Hostile" }, testAuditContext)).toEqual({ ok: false, code });
    }
    expect(await galleryOf(product.id)).toEqual([]);
    expect((await productRow(product.id)).imagePath).toBe(PLACEHOLDER_IMAGE_PATH);
    expect((await auditEntriesOf(product.id)).map((entry) => entry.action)).toEqual(["product.created"]);
  });

  it("refuses roles without products:write in the DAL itself, storing nothing", async () => {
    const product = await newProduct();
    const png = await testPng();
    for (const role of ["support", "fulfilment", "auditor"] as const) {
      await expect(addProductImage(await staff(role), product.id, { bytes: png, alt: "Sneaky" }, testAuditContext)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect(await galleryOf(product.id)).toEqual([]);
  });

  it("answers not_found for an unknown product, and null for an unknown image id", async () => {
    expect(await addProductImage(await staff(), "no-such-product", { bytes: await testPng(), alt: "Nothing" }, testAuditContext)).toEqual({ ok: false, code: "not_found" });
    expect(await getProductImageFile("no-such-image")).toBeNull();
  });
});
