import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type DataClass,
  type FieldClassification,
  type ParsedField,
  isDataClass,
  parseSchemaFields,
  storageOf,
} from "./parse-schema";

export { DATA_CLASSES, storageOf, type DataClass, type FieldClassification, type Storage } from "./parse-schema";

/** Where the schema lives; every process (server, worker, tests, CLIs) runs from the project root. */
export const SCHEMA_PATH = join(process.cwd(), "prisma", "schema.prisma");

const ENCRYPTABLE: ReadonlySet<DataClass> = new Set(["sensitive", "confidential"]);

/** Why one parsed field breaks the classification rules, or null when it keeps them. */
function problemOf(field: ParsedField): string | null {
  const name = `${field.model}.${field.field} (line ${field.line})`;
  // A relation is not a column: the class belongs on its foreign-key field.
  if (field.relation) return field.rawClass === null ? null : `${name} is a relation, not a column: remove its data class`;
  if (field.rawClass === null) return `${name} has no data class: add \`// @class <public|internal|sensitive|confidential>\``;
  if (!isDataClass(field.rawClass)) return `${name} has an unknown data class "${field.rawClass}"`;
  if (field.encrypted && !ENCRYPTABLE.has(field.rawClass)) {
    return `${name} is @encrypted but ${field.rawClass}: only sensitive or confidential fields are encrypted`;
  }
  if (field.encrypted && !field.type.startsWith("String")) return `${name} is @encrypted but not a String`;
  // ARCHITECTURE.md: confidential values are hashed or encrypted, never kept as they are.
  if (field.rawClass === "confidential" && storageOf(field) === "plain") {
    return `${name} is confidential but stored plain: mark it @encrypted or store a hash (…Hash)`;
  }
  return null;
}

/** Every classification problem in a schema text, one line per field, naming the field and its line. */
export function classificationProblems(text: string): string[] {
  return parseSchemaFields(text).flatMap((field) => problemOf(field) ?? []);
}

/** The classified columns of a schema text (relations and fields with problems left out). */
export function parseSchemaClasses(text: string): FieldClassification[] {
  return parseSchemaFields(text).flatMap(({ rawClass, relation, ...field }) =>
    !relation && isDataClass(rawClass) && problemOf({ ...field, rawClass, relation }) === null
      ? [{ ...field, dataClass: rawClass }]
      : [],
  );
}

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
 * The shop's data classes, read once from prisma/schema.prisma: the one source
 * for DTO tests, log redaction, staff masking and the customer's data export.
 */
export const dataClasses: DataClassRegistry = dataClassRegistry(parseSchemaClasses(readFileSync(SCHEMA_PATH, "utf8")));
