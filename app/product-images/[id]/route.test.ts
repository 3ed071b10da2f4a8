import { beforeEach, describe, expect, it, vi } from "vitest";
import { addProductImage } from "@/lib/dal/catalog/staff-product-images";
import { forgetStoredWidths, storedWidthsOf } from "@/lib/dal/catalog/product-image-test-fixtures";
import { setProductPublished } from "@/lib/dal/catalog/staff-product-publish";
import { adminProductFixtures, testAuditContext } from "@/lib/dal/catalog/staff-products-test-fixtures";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import sharp from "sharp";
import { testPng } from "@/lib/images/image-test-fixtures";

requireTestDatabaseUrl();

// The staff lookup reads the request's session cookie, which a test has not got: it answers
// for "the current request" here, and records whether it was asked at all.
const asker = vi.hoisted(() => ({ viewer: null as StaffViewer | null, asked: 0 }));
vi.mock("@/lib/guards/staff-guard", () => ({
  findStaffWithPermission: vi.fn(async () => {
    asker.asked += 1;
    return asker.viewer;
  }),
}));

const { GET } = await import("./route");
const { staff, newProduct } = adminProductFixtures();

async function productWithImage(edge = 16): Promise<{ productId: string; imageId: string; manager: StaffViewer }> {
  const manager = await staff();
  const product = await newProduct({}, manager);
  const upload = await addProductImage(manager, product.id, { bytes: await testPng(edge, edge), alt: "A test pattern" }, testAuditContext);
  if (!upload.ok) throw new Error(upload.code);
  return { productId: product.id, imageId: upload.imageId, manager };
}

const fetchImage = (id: string, query = "") =>
  GET(new Request(`http://127.0.0.1/product-images/${id}${query}`), { params: Promise.resolve({ id }) });

async function publishedImage(edge: number): Promise<string> {
  const { productId, imageId, manager } = await productWithImage(edge);
  expect(await setProductPublished(manager, productId, true, testAuditContext)).toMatchObject({ ok: true });
  return imageId;
}

describe("GET /product-images/<id>", () => {
  beforeEach(() => {
    asker.viewer = null;
    asker.asked = 0;
  });

  it("does not serve an unpublished product's image to the public", async () => {
    const { imageId } = await productWithImage();
    const response = await fetchImage(imageId);
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).not.toMatch(/^image\//);
  });

  it("serves it to staff who read the catalog, and no cache may keep it", async () => {
    const { imageId, manager } = await productWithImage();
    asker.viewer = manager;
    const response = await fetchImage(imageId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("serves a published product's image to anyone, cacheable for a year, without a session lookup", async () => {
    const { productId, imageId, manager } = await productWithImage();
    expect(await setProductPublished(manager, productId, true, testAuditContext)).toMatchObject({ ok: true });
    const response = await fetchImage(imageId);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asker.asked).toBe(0);
  });

  it("hides the image again once the product is unpublished", async () => {
    const { productId, imageId, manager } = await productWithImage();
    await setProductPublished(manager, productId, true, testAuditContext);
    await setProductPublished(manager, productId, false, testAuditContext);
    expect((await fetchImage(imageId)).status).toBe(404);
  });

  it("serves an allow-listed width scaled down, cacheable for a year like the original", async () => {
    const imageId = await publishedImage(1000);
    const response = await fetchImage(imageId, "?w=320");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 320, height: 320 });
  });

  it("serves each narrower width from the copy stored at upload, each at its own URL, all immutable", async () => {
    const imageId = await publishedImage(1000);
    const stored = await storedWidthsOf(imageId);
    expect(stored.map((rendition) => rendition.width)).toEqual([320, 640, 960]);
    for (const rendition of stored) {
      const response = await fetchImage(imageId, `?w=${rendition.width}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.equals(Buffer.from(rendition.bytes)), `w=${rendition.width}`).toBe(true);
      expect((await sharp(body).metadata()).width).toBe(rendition.width);
    }
  });

  it("still serves widths of an image stored before widths were kept, scaling it on the way out", async () => {
    const imageId = await publishedImage(1000);
    await forgetStoredWidths(imageId);
    const response = await fetchImage(imageId, "?w=640");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await sharp(Buffer.from(await response.arrayBuffer())).metadata()).toMatchObject({ format: "webp", width: 640 });
  });

  it("never enlarges: a width above the stored image's gives the stored image", async () => {
    const imageId = await publishedImage(400);
    const meta = await sharp(Buffer.from(await (await fetchImage(imageId, "?w=1280")).arrayBuffer())).metadata();
    expect(meta.width).toBe(400);
  });

  it("refuses any width outside the allow-list, uncached, before reading the image (resource exhaustion)", async () => {
    const imageId = await publishedImage(400);
    const queries = ["321", "4000", "100000", "0", "-320", "0320", "320.0", "3.2e2", "", "abc"].map((w) => `?w=${encodeURIComponent(w)}`);
    for (const query of [...queries, "?w=320&w=640", "?w=320&cache=bust", "?size=320"]) {
      const response = await fetchImage(imageId, query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-type")).not.toMatch(/^image\//);
    }
    // Refused before the lookup: an id that does not exist gets the same 400, not a 404.
    expect((await fetchImage("nosuchimage", "?w=321")).status).toBe(400);
  });

  it("gives a width of an unpublished product's image only to staff, and never cacheable", async () => {
    const { imageId, manager } = await productWithImage(700);
    expect((await fetchImage(imageId, "?w=640")).status).toBe(404);
    asker.viewer = manager;
    const response = await fetchImage(imageId, "?w=640");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
