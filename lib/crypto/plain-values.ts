import "server-only";
import { isEncryptedEnvelope } from "./field-encryption";
import type { FieldClassification } from "@/lib/data-classes/schema-classes";

/** The least a SQL client must offer (a `pg` Client or Pool fits). */
export type SqlClient = { query(sql: string): Promise<{ rows: unknown[] }> };

/** A column holding values that are not encryption envelopes; the values themselves are never returned. */
export type PlainValues = { model: string; field: string; count: number };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A quoted SQL identifier. The names come from our own schema file, never
 * from user input; the pattern check still refuses anything odd outright
 * rather than relying on escaping alone.
 */
function quoted(identifier: string): string {
  if (!IDENTIFIER.test(identifier)) throw new Error(`Refusing an unexpected SQL identifier: ${identifier}`);
  return `"${identifier}"`;
}

/**
 * For each `@encrypted` column, how many non-null values are not field
 * encryption envelopes (lib/crypto/field-encryption.ts): plain text that
 * should never have been written. Only the shape is checked, so no key is needed.
 */
export async function plainValuesIn(
  client: SqlClient,
  fields: readonly Pick<FieldClassification, "model" | "field" | "table" | "column">[],
): Promise<PlainValues[]> {
  const offenders: PlainValues[] = [];
  for (const field of fields) {
    const column = quoted(field.column);
    const { rows } = await client.query(
      `SELECT ${column}::text AS value FROM ${quoted(field.table)} WHERE ${column} IS NOT NULL`,
    );
    const count = rows.filter((row) => {
      const value = (row as { value: unknown }).value;
      return typeof value !== "string" || !isEncryptedEnvelope(value);
    }).length;
    if (count > 0) offenders.push({ model: field.model, field: field.field, count });
  }
  return offenders;
}
