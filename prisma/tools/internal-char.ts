/**
 * Lets the schema engine read PostgreSQL catalogs through the pg driver adapter.
 *
 * Reading a live schema (the diff from a migrated shadow database) queries the
 * catalogs, whose flag columns (`pg_class.relkind`, `pg_constraint.contype`,
 * …) have PostgreSQL's one-byte internal `"char"` type. The pg adapter maps no
 * column type to it, and the engine fails with "Column type 'char' could not
 * be deserialized from the database". Its text form is the one character
 * itself, which the engine expects in a `Character` column.
 */
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";

/** pg_type OIDs of the internal `"char"` type and of `text`. */
const internalCharOid = 18;
const textOid = 25;

type PgResult = { fields: { dataTypeID: number }[] } | undefined;
type QueryAdapter = {
  performIO(query: unknown): Promise<PgResult>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
};

/** Makes `adapter` parse `"char"` columns as text and report them as `Character` columns. */
export function readInternalChar<T extends object>(adapter: T): T {
  const io = adapter as unknown as QueryAdapter;
  const { queryRaw, performIO } = io;
  io.queryRaw = async (query) => {
    const charColumns: number[] = [];
    // A per-call view of the adapter, so concurrent queries never share the column list.
    const view: QueryAdapter = Object.create(adapter, {
      performIO: {
        value: async (inner: unknown) => {
          const result = await performIO.call(adapter, inner);
          result?.fields.forEach((field, index) => {
            if (field.dataTypeID !== internalCharOid) return;
            field.dataTypeID = textOid;
            charColumns.push(index);
          });
          return result;
        },
      },
    });
    const result = await queryRaw.call(view, query);
    for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}
