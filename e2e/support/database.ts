import pg from "pg";

/**
 * Direct database access for arranging states a browser cannot reach quickly
 * (an old step-up, a staff account). The suite's DATABASE_URL is a throw-away
 * test database created by `npm test`.
 */
export async function sql<Row extends object = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}
