import { randomBytes } from "node:crypto";
import { sql } from "./database";

/**
 * A product of one test's own (own slug, own stock), so tests running in
 * parallel never buy each other's units and stock checks are exact.
 */
export async function createTestProduct(fields: { name: string; priceMinor: number; stock: number }) {
  const slug = `e2e-${randomBytes(5).toString("hex")}`;
  await sql(
    `INSERT INTO "Product" (id, slug, name, description, "priceMinor", currency, stock, "imagePath", "categoryId", "updatedAt")
     SELECT $1, $1, $2, 'A product of the browser tests.', $3, 'USD', $4, '/products/bookshelf-speaker-pair.svg', id, now()
       FROM "Category" WHERE slug = 'audio'`,
    [slug, fields.name, fields.priceMinor, fields.stock],
  );
  return { slug, name: fields.name };
}

export async function stockOf(slug: string): Promise<number> {
  const [row] = await sql<{ stock: number }>(`SELECT stock FROM "Product" WHERE slug = $1`, [slug]);
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
