import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_IMAGE_UPLOAD_BYTES } from "@/lib/images/image-limits";
import { PLACEHOLDER_IMAGE_PATH } from "@/lib/images/product-image-path";
import { sniffImageType } from "@/lib/images/sniff-image-type";
import { pngClaimingSize, scriptRenamedPng, svgWithScript, testJpegWithExif, testPng } from "@/lib/images/image-test-fixtures";
import { uploadProductImage } from "./staff-product-images";
import { adminProductFixtures, testAuditContext } from "./staff-products-test-fixtures";
import { getProductImageFile } from "./product-images";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";

const { staff, newProduct, productRow, auditEntriesOf } = adminProductFixtures();

const imagesOf = (productId: string) => db.productImage.findMany({ where: { productId }, select: { id: true } });
const idOf = (imagePath: string) => imagePath.replace("/product-images/", "");

describe("uploadProductImage", () => {
  it("stores a PNG re-encoded as WebP, points the product at it, and audits the change", async () => {
    const product = await newProduct();
    const manager = await staff();
    const result = await uploadProductImage(manager, product.id, await testPng(120, 80), testAuditContext);
    if (!result.ok) throw new Error(result.code);
    expect(result.imagePath).toMatch(/^\/product-images\/[a-z0-9]+$/);
    expect((await productRow(product.id)).imagePath).toBe(result.imagePath);

    const file = await getProductImageFile(idOf(result.imagePath), async () => manager);
    expect(file?.contentType).toBe("image/webp");
    expect(sniffImageType(file?.bytes ?? new Uint8Array())).toBe("webp");
    expect(await sharp(file?.bytes).metadata()).toMatchObject({ format: "webp", width: 120, height: 80 });

    const entries = await auditEntriesOf(product.id);
    expect(entries.at(-1)).toMatchObject({
      action: "product.image_uploaded",
      actorId: manager.userId,
      before: { imagePath: PLACEHOLDER_IMAGE_PATH },
      after: { imagePath: result.imagePath, contentType: "image/webp", width: 120, height: 80 },
    });
  });

  it("strips a JPEG's EXIF metadata before storing it", async () => {
    const product = await newProduct();
    const manager = await staff();
    const result = await uploadProductImage(manager, product.id, await testJpegWithExif(), testAuditContext);
    if (!result.ok) throw new Error(result.code);
    const file = await getProductImageFile(idOf(result.imagePath), async () => manager);
    expect(Buffer.from(file?.bytes ?? []).includes("SECRET-ARTIST-NAME")).toBe(false);
    expect((await sharp(file?.bytes).metadata()).exif).toBeUndefined();
  });

  it("keeps one image per product: a new upload replaces the old one", async () => {
    const product = await newProduct();
    const manager = await staff();
    const first = await uploadProductImage(manager, product.id, await testPng(10, 10), testAuditContext);
    const second = await uploadProductImage(manager, product.id, await testPng(20, 20), testAuditContext);
    if (!first.ok || !second.ok) throw new Error("upload failed");
    expect(second.imagePath).not.toBe(first.imagePath);
    expect(await imagesOf(product.id)).toEqual([{ id: idOf(second.imagePath) }]);
    expect(await getProductImageFile(idOf(first.imagePath), async () => manager)).toBeNull();
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
    for (const [upload, code] of attempts) {
      expect(await uploadProductImage(manager, product.id, upload, testAuditContext)).toEqual({ ok: false, code });
    }
    expect(await imagesOf(product.id)).toEqual([]);
    expect((await productRow(product.id)).imagePath).toBe(PLACEHOLDER_IMAGE_PATH);
    expect((await auditEntriesOf(product.id)).map((entry) => entry.action)).toEqual(["product.created"]);
  });

  it("refuses roles without products:write in the DAL itself, storing nothing", async () => {
    const product = await newProduct();
    const png = await testPng();
    for (const role of ["support", "fulfilment", "auditor"] as const) {
      await expect(uploadProductImage(await staff(role), product.id, png, testAuditContext)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect(await imagesOf(product.id)).toEqual([]);
  });

  it("answers not_found for an unknown product, and null for an unknown image id", async () => {
    expect(await uploadProductImage(await staff(), "no-such-product", await testPng(), testAuditContext)).toEqual({ ok: false, code: "not_found" });
    expect(await getProductImageFile("no-such-image")).toBeNull();
  });
});
