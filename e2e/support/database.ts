import pg from "pg";

/**
 * Direct database access for arranging states a browser cannot reach quickly
 * (an old step-up, a staff account). The suite's DATABASE_URL is a throw-away
 * test database created by `npm test`.
 */
export async function sql(text: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}
