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

/**
 * A product of the test's own in two options, Size (S, M) and Colour (Black, Sand): S costs
 * 20.00, M 22.00 (was 25.00); S in Sand is sold out. SKUs end in the values ("…-M-BLACK").
 */
export async function createTestProductWithOptions(name: string) {
  const { slug } = await createTestProduct({ name, priceMinor: 2000, stock: 5 });
  await sql(`DELETE FROM "ProductVariant" WHERE "productId" = $1`, [slug]);
  await sql(
    `INSERT INTO "ProductOption" (id, "productId", name, position, "values") VALUES ($1 || '-size', $1, 'Size', 0, '{S,M}'), ($1 || '-colour', $1, 'Colour', 1, '{Black,Sand}')`,
    [slug],
  );
  const variants: [string, string, number, number | null, number][] = [
    ["S", "Black", 2000, null, 5],
    ["M", "Black", 2200, 2500, 5],
    ["S", "Sand", 2000, null, 0],
    ["M", "Sand", 2200, 2500, 5],
  ];
  for (const [position, [size, colour, price, compareAt, stock]] of variants.entries()) {
    await sql(
      `INSERT INTO "ProductVariant" (id, "productId", sku, "optionValues", "priceMinor", "compareAtPriceMinor", stock, position, "updatedAt")
       VALUES ($1 || $2, $1, upper($1 || $2), $3, $4, $5, $6, $7, now())`,
      [slug, `-${size}-${colour}`.toLowerCase(), [size, colour], price, compareAt, stock, position],
    );
  }
  return { slug, name };
}

/** The stock of the product's variant whose SKU ends in `suffix` (e.g. "-M-BLACK"). */
export async function variantStockOf(slug: string, suffix: string): Promise<number> {
  const [row] = await sql<{ stock: number }>(`SELECT stock FROM "ProductVariant" WHERE sku = upper($1 || $2)`, [slug, suffix]);
  return row?.stock ?? -1;
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
