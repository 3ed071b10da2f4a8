import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * What `npm run bench:api` arranges in the bench database directly: a
 * customer with an app session, a live access token (so every request does
 * the real token-to-session check) and one line in the cart.
 */
export async function appAccessToken(databaseUrl: string, productSlug: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const userId = randomUUID();
    const accessToken = randomBytes(32).toString("base64url");
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt", "updatedAt") VALUES ($1, $1 || '@bench.example.test', 'Bench App', 'x', now(), now())`, [userId]);
    await client.query(
      `INSERT INTO "Session" (id, "tokenHash", "userId", persistent, "idleExpiresAt", "absoluteExpiresAt", "clientId")
       VALUES ($1, $2, $1, true, now() + interval '1 hour', now() + interval '1 day', 'shop-mobile')`,
      [userId, sha256(randomBytes(32).toString("base64url"))],
    );
    await client.query(
      `INSERT INTO "OAuthToken" (id, "sessionId", "accessTokenHash", "accessTokenExpiresAt", "refreshTokenHash", "refreshTokenExpiresAt")
       VALUES ($1, $2, $3, now() + interval '1 hour', $4, now() + interval '1 day')`,
      [randomUUID(), userId, sha256(accessToken), sha256(randomBytes(32).toString("base64url"))],
    );
    const cartId = randomUUID();
    await client.query(`INSERT INTO "Cart" (id, "userId", "updatedAt") VALUES ($1, $2, now())`, [cartId, userId]);
    await client.query(`INSERT INTO "CartItem" (id, "cartId", "productId", quantity, "updatedAt") SELECT $1, $2, id, 1, now() FROM "Product" WHERE slug = $3`, [randomUUID(), cartId, productSlug]);
    return accessToken;
  } finally {
    await client.end();
  }
}
