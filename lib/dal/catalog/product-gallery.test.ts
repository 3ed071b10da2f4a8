import { describe, expect, it } from "vitest";
import { testPng } from "@/lib/images/image-test-fixtures";
import { publicProductImage } from "./gallery-dto-mappings";
import { getProductGallery, listStaffProductImages } from "./product-gallery";
import { setProductPublished } from "./staff-product-publish";
import { addProductImage } from "./staff-product-images";
import { adminProductFixtures, testAuditContext } from "./staff-products-test-fixtures";

const { staff, newProduct } = adminProductFixtures();

describe("reading a gallery", () => {
  it("gives shoppers a published product's images in order, with only the public DTO's keys; nothing for an unpublished one", async () => {
    const manager = await staff();
    const product = await newProduct({}, manager);
    for (const alt of ["Front", "Back"]) await addProductImage(manager, product.id, { bytes: await testPng(30, 20), alt }, testAuditContext);
    expect(await getProductGallery(product.slug)).toEqual([]);
    await setProductPublished(manager, product.id, true, testAuditContext);
    const gallery = await getProductGallery(product.slug);
    expect(gallery.map((image) => image.alt)).toEqual(["Front", "Back"]);
    expect(gallery[0]).toEqual({ src: expect.stringMatching(/^\/product-images\/[a-z0-9]+$/), alt: "Front", width: 30, height: 20 });
    for (const image of gallery) expect(Object.keys(image).sort()).toEqual(Object.keys(publicProductImage.keys).sort());
  });

  it("lists a product's images for any staff role that reads the catalog, with ids for the edit forms", async () => {
    const manager = await staff();
    const product = await newProduct({}, manager);
    const added = await addProductImage(manager, product.id, { bytes: await testPng(), alt: "Front" }, testAuditContext);
    if (!added.ok) throw new Error(added.code);
    expect(await listStaffProductImages(await staff("support"), product.id)).toEqual([
      { id: added.imageId, src: added.imagePath, alt: "Front", width: 64, height: 48, position: 0 },
    ]);
  });
});
