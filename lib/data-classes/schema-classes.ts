import "server-only";
import { type DataClass, type FieldClassification, fieldClassifications } from "@/lib/generated/data-classes";

export { DATA_CLASSES, type DataClass, type FieldClassification, type Storage } from "@/lib/generated/data-classes";

/** Lookups over a set of classifications. */
export type DataClassRegistry = {
  /** Every classified column, in schema order. */
  readonly all: readonly FieldClassification[];
  /** The class of `model.field`; throws for a field the schema does not have, so a typo cannot pass as unclassified. */
  classOf(model: string, field: string): DataClass;
  /** The columns of one class. */
  fieldsOfClass(dataClass: DataClass): FieldClassification[];
  /** The columns that must hold encryption envelopes. */
  encryptedFields(): FieldClassification[];
};

/** A registry over `classifications` (the schema's, or a fixture's in tests). */
export function dataClassRegistry(classifications: readonly FieldClassification[]): DataClassRegistry {
  const byName = new Map(classifications.map((entry) => [`${entry.model}.${entry.field}`, entry]));
  return {
    all: classifications,
    classOf(model, field) {
      const entry = byName.get(`${model}.${field}`);
      if (!entry) throw new Error(`${model}.${field} is not a classified column of the schema`);
      return entry.dataClass;
    },
    fieldsOfClass: (dataClass) => classifications.filter((entry) => entry.dataClass === dataClass),
    encryptedFields: () => classifications.filter((entry) => entry.encrypted),
  };
}

/**
 * The shop's data classes: the `/// @class` and `/// @encrypted`
 * documentation of prisma/schema.prisma, as `prisma generate` wrote it
 * (prisma/generators/data-classes.mjs refuses a schema that breaks a rule).
 * The one source for DTO tests, log redaction, staff masking, the audit log
 * and the customer's data export.
 */
export const dataClasses: DataClassRegistry = dataClassRegistry(fieldClassifications);
