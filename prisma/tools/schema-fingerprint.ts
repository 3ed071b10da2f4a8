/**
 * A database schema as a sorted list of lines (columns, constraints, indexes,
 * enums), read from the system catalogs so it works against any PostgreSQL
 * version without client tools. Two databases with equal fingerprints have the
 * same schema.
 *
 * Objects whose names start with `sql_` come from hand-written migrations
 * (things Prisma's schema language cannot express) and are left out, as are
 * extensions and Prisma's own `_prisma_migrations` table.
 */
import pg from "pg";

const queries = [
  `SELECT format('column %s.%s %s %s default=%s', table_name, column_name,
            CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END
              || coalesce('(' || character_maximum_length || ')', '')
              || coalesce('(' || datetime_precision || ')', ''),
            CASE is_nullable WHEN 'YES' THEN 'null' ELSE 'not null' END,
            coalesce(column_default, '-'))
     FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  `SELECT format('constraint %s %s %s', rel.relname, con.conname, pg_get_constraintdef(con.oid))
     FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
     JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations' AND con.conname NOT LIKE 'sql\\_%'`,
  `SELECT format('index %s', indexdef) FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexname NOT LIKE 'sql\\_%'`,
  `SELECT format('enum %s %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder))
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     JOIN pg_namespace ns ON ns.oid = t.typnamespace
    WHERE ns.nspname = 'public' GROUP BY t.typname`,
];

export async function schemaFingerprint(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    for (const query of queries) {
      const result = await client.query<{ format: string }>(query);
      lines.push(...result.rows.map((row) => row.format));
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}

/** Runs a plain SQL script (several statements) against `url`. */
export async function executeScript(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
