import { randomBytes } from "node:crypto";
import { sql } from "./database";

/**
 * A product of one test's own (own slug, own stock), so tests running in
 * parallel never buy each other's units and stock checks are exact. It has one
 * variant (no options) whose id and SKU follow the slug.
 */
export async function createTestProduct(fields: { name: string; priceMinor: number; stock: number; weightGrams?: number }) {
  const slug = `e2e-${randomBytes(5).toString("hex")}`;
  await sql(
    `INSERT INTO "Product" (id, slug, name, description, "priceMinor", currency, "imagePath", "categoryId", "updatedAt")
     SELECT $1, $1, $2, 'A product of the browser tests.', $3, 'USD', '/products/bookshelf-speaker-pair.svg', id, now()
       FROM "Category" WHERE slug = 'audio'`,
    [slug, fields.name, fields.priceMinor],
  );
  await sql(
    `INSERT INTO "ProductVariant" (id, "productId", sku, "optionValues", "priceMinor", stock, "weightGrams", "updatedAt")
     VALUES ($1, $1, upper($1), '{}', $2, $3, $4, now())`,
    [slug, fields.priceMinor, fields.stock, fields.weightGrams ?? 0],
  );
  return { slug, name: fields.name };
}

/** Units left across the product's variants. */
export async function stockOf(slug: string): Promise<number> {
  const [row] = await sql<{ stock: number | null }>(
    `SELECT sum(v.stock)::int AS stock FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId" WHERE p.slug = $1`,
    [slug],
  );
  return row?.stock ?? -1;
}

export async function latestOrderOf(email: string) {
  const [row] = await sql<{ id: string; paymentStatus: string; fulfillmentStatus: string; totalMinor: number; number: string }>(
    `SELECT o.id, o."paymentStatus", o."fulfillmentStatus", o."totalMinor", o.number FROM "Order" o JOIN "User" u ON u.id = o."userId"
      WHERE u.email = $1 ORDER BY o."createdAt" DESC LIMIT 1`,
    [email],
  );
  return row;
}
