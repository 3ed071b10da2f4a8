import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";

/**
 * What `npm run bench:catalog` arranges in the bench database directly: a
 * signed-in shopper's session (so island requests do a real session lookup)
 * and a price change (the same row update a staff save makes, which the
 * database announces to the web servers).
 */
export async function signedInShopperCookie(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const userId = randomUUID();
    const token = randomBytes(32).toString("base64url");
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $1 || '@bench.example.test', 'Bench Shopper', 'x', now())`, [userId]);
    await client.query(
      `INSERT INTO "Session" (id, "tokenHash", "userId", persistent, "idleExpiresAt", "absoluteExpiresAt")
       VALUES ($1, $2, $1, false, now() + interval '1 hour', now() + interval '1 day')`,
      [userId, createHash("sha256").update(token).digest("hex")],
    );
    return `shop.session=${token}`;
  } finally {
    await client.end();
  }
}

/** Sets a product's price (minor units) and returns the previous one. */
export async function setPrice(databaseUrl: string, slug: string, priceMinor: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ priceMinor: number }>(`SELECT "priceMinor" FROM "Product" WHERE slug = $1`, [slug]);
    await client.query(`UPDATE "Product" SET "priceMinor" = $2, "updatedAt" = now() WHERE slug = $1`, [slug, priceMinor]);
    return rows[0]?.priceMinor ?? 0;
  } finally {
    await client.end();
  }
}
