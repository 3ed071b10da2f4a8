import { randomUUID } from "node:crypto";
import { updateTestVariant } from "@/lib/dal/catalog/test-products";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { adjustInventory } from "./inventory";
import { adminProductFixtures, testAuditContext } from "./staff-products-test-fixtures";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { affectedBy, CatalogChanges } from "@/lib/http/page-cache/catalog-changes";
import type { PageCache } from "@/lib/http/page-cache/page-cache";

const { staff, newProduct } = adminProductFixtures();

// A cache stand-in that records what each notice would drop. Other test files change products
// at the same time, so each test looks only for notices about its own product.
const heard: Array<(key: string) => boolean> = [];
const cache = { invalidate: (affected: (key: string) => boolean) => heard.push(affected) } as unknown as PageCache;
const changes = new CatalogChanges(requireTestDatabaseUrl(), cache, { warn: () => {} });
const elsewhere = `/products/nobody-${randomUUID()}`;

beforeAll(() => changes.start());
afterAll(() => changes.stop());

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Notices that name this product's page but not every page. */
const aboutProduct = (slug: string) => heard.filter((affected) => affected(`/products/${slug}`) && !affected(elsewhere));

async function waitFor(found: () => boolean): Promise<boolean> {
  for (let waited = 0; waited < 5_000; waited += 20) {
    if (found()) return true;
    await settle(20);
  }
  return false;
}

describe("affectedBy", () => {
  it("reads a product notice as its page and the listings, anything else as every page", () => {
    const product = affectedBy("product:mug");
    expect(["/", "/category/kitchen", "/products/mug", "/products/jug"].map(product)).toEqual([true, true, true, false]);
    expect(affectedBy("all")("/products/jug")).toBe(true);
  });
});

describe("catalog change notices (the database's triggers, heard by every web server)", () => {
  it("listens once connected", () => {
    expect(changes.connected).toBe(true);
  });

  it("names a product's page and the listings when its price changes", async () => {
    const product = await newProduct();
    await settle(200);
    heard.length = 0;
    await updateTestVariant(product.variantId, { priceMinor: 12_345 });
    expect(await waitFor(() => aboutProduct(product.slug).length > 0)).toBe(true);
    expect(aboutProduct(product.slug).every((affected) => affected("/") && affected("/category/audio?page=2"))).toBe(true);
  });

  it("hears a staff stock adjustment made through the data access layer", async () => {
    const product = await newProduct();
    await settle(200);
    heard.length = 0;
    await adjustInventory(await staff(), { productId: product.id, variantId: product.variantId }, { delta: 3, reason: "Delivery received" }, testAuditContext);
    expect(await waitFor(() => aboutProduct(product.slug).length > 0)).toBe(true);
  });

  it("drops every page when a category changes", async () => {
    const category = await db.category.findFirstOrThrow({ where: { slug: "audio" } });
    heard.length = 0;
    await db.category.update({ where: { id: category.id }, data: { description: category.description } });
    expect(await waitFor(() => heard.some((affected) => affected(elsewhere)))).toBe(true);
  });

  it("announces nothing for a change that is rolled back", async () => {
    const product = await newProduct();
    await settle(200);
    heard.length = 0;
    await db
      .$transaction(async (tx) => {
        await tx.product.update({ where: { id: product.id }, data: { priceMinor: 1 } });
        throw new Error("rolled back");
      })
      .catch(() => {});
    await settle(500);
    expect(aboutProduct(product.slug)).toEqual([]);
  });
});
