import "server-only";
import type { DataClass, DataClassRegistry } from "./schema-classes";

/**
 * Who receives a DTO in the browser: anyone (`public`, e.g. the catalog), or
 * the signed-in owner of the data (`owner`, e.g. /account pages).
 */
export type DtoAudience = "public" | "owner";

/** Where one DTO key's value comes from; schema fields are written `Model.field`. */
export type DtoSource = {
  /** The columns the value is read from. */
  fields: readonly string[];
  /**
   * Set when the value is computed from the columns without revealing them (a
   * boolean, a count): why that is safe. A public DTO may derive from internal columns.
   */
  derived?: string;
  /**
   * A documented exception letting the owner receive a confidential column;
   * never allowed in a public DTO. Says why the owner must see it.
   */
  exception?: string;
};

/** A browser DTO mapped key by key to the schema (every key of `T` must be mapped). */
export type DtoMapping<T> = { dto: string; audience: DtoAudience; keys: { [K in keyof T]-?: DtoSource } };

const RANK: Record<DataClass, number> = { public: 0, internal: 1, sensitive: 2, confidential: 3 };

/** The most protected class a value may come from, by audience and by how it is built. */
const CEILING: Record<DtoAudience, { copied: DataClass; derived: DataClass }> = {
  // ARCHITECTURE.md: public DTOs contain public fields only; a derived flag may read internal ones (inStock).
  public: { copied: "public", derived: "internal" },
  // The owner may see their own sensitive data; confidential data goes to no browser.
  owner: { copied: "sensitive", derived: "sensitive" },
};

/**
 * Every way `mapping` breaks the audience rule, one line each naming the DTO
 * key and the schema field; empty when it keeps it. A field the schema does
 * not have is reported too, so a mapping cannot drift from the schema.
 */
export function dtoClassViolations(mapping: DtoMapping<object>, registry: DataClassRegistry): string[] {
  const ceiling = CEILING[mapping.audience];
  return Object.entries(mapping.keys as Record<string, DtoSource>).flatMap(([key, source]) => {
    const where = `${mapping.dto}.${key}`;
    if (source.exception !== undefined && mapping.audience === "public") {
      return [`${where} claims an exception, but a public DTO allows none`];
    }
    const limit = source.derived === undefined ? ceiling.copied : ceiling.derived;
    return source.fields.flatMap((name) => {
      const [model = "", field = "", ...rest] = name.split(".");
      let dataClass: DataClass;
      try {
        if (rest.length > 0) throw new Error("too many dots");
        dataClass = registry.classOf(model, field);
      } catch {
        return [`${where} maps to ${name}, which is not a classified column of the schema`];
      }
      if (RANK[dataClass] <= RANK[limit]) return [];
      if (dataClass === "confidential" && source.exception) return [];
      return [`${where} carries ${name} (${dataClass}); ${mapping.audience} DTOs hold at most ${limit}`];
    });
  });
}
