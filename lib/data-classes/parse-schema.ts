import "server-only";

/** The four data classes (ARCHITECTURE.md, "Data classification"), least to most protected. */
export const DATA_CLASSES = ["public", "internal", "sensitive", "confidential"] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** How a column's value sits in the database. */
export type Storage = "plain" | "encrypted" | "hashed";

/** One column of one model with the class its `// @class` comment gives it. */
export type FieldClassification = {
  model: string;
  field: string;
  /** The Prisma type as written, with `?` or `[]` (e.g. `String?`). */
  type: string;
  dataClass: DataClass;
  /** Marked `@encrypted`: every stored value must be a field-encryption envelope. */
  encrypted: boolean;
  /** Database table and column (after `@@map` / `@map`), for checks that read the database. */
  table: string;
  column: string;
  /** 1-based line in the schema file, so a problem points at the place to fix. */
  line: number;
};

/** A field line as written, before its class is validated; relation fields included. */
export type ParsedField = Omit<FieldClassification, "dataClass"> & {
  /** The word after `@class`, or null when the field has none. */
  rawClass: string | null;
  /** Its type is another model: a relation, not a column, so it carries no class. */
  relation: boolean;
};

const BLOCK_START = /^(model|enum|type|view|generator|datasource)\s+(\w+)\s*\{/;
const FIELD = /^(\w+)\s+(\w+(?:\([^)]*\))?)(\?|\[\])?/;
const TABLE_MAP = /^@@map\(\s*(?:name:\s*)?"([^"]+)"/;
const MAP = /@map\(\s*(?:name:\s*)?"([^"]+)"\s*\)/;

/** Splits a line at its trailing `//` comment, ignoring `//` inside string literals (`@default("http://…")`). */
function splitComment(line: string): { code: string; comment: string } {
  let quoted = false;
  for (let i = 0; i < line.length - 1; i++) {
    const char = line[i];
    if (char === "\\" && quoted) i++;
    else if (char === '"') quoted = !quoted;
    else if (char === "/" && line[i + 1] === "/" && !quoted) return { code: line.slice(0, i), comment: line.slice(i + 2) };
  }
  return { code: line, comment: "" };
}

/** The field a line declares, or null for blank lines, comments and `@@` block attributes. */
function parseFieldLine(line: string, model: string, models: ReadonlySet<string>, lineNumber: number) {
  const { code, comment } = splitComment(line);
  const match = FIELD.exec(code);
  if (!match) return null;
  const [, field = "", base = "", modifier = ""] = match;
  const classWord = /@class(?:\s+(\S+))?/.exec(comment);
  return {
    model,
    field,
    type: `${base}${modifier}`,
    // `// @class` with no word after it counts as an (empty) unknown class, not a missing one.
    rawClass: classWord ? (classWord[1] ?? "") : null,
    encrypted: /@encrypted\b/.test(comment),
    relation: models.has(base),
    table: model,
    column: MAP.exec(code)?.[1] ?? field,
    line: lineNumber,
  } satisfies ParsedField;
}

/**
 * Every field line of every `model` block in a schema.prisma text. Two passes:
 * the model names must be known before a field's type can be told to be a relation.
 */
export function parseSchemaFields(text: string): ParsedField[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const models = new Set<string>();
  for (const line of lines) {
    const block = BLOCK_START.exec(line);
    if (block?.[1] === "model" && block[2]) models.add(block[2]);
  }

  const fields: ParsedField[] = [];
  let model: string | null = null;
  let table: string | null = null;
  let pending: ParsedField[] = [];
  for (const [index, line] of lines.entries()) {
    const block = BLOCK_START.exec(line);
    if (block) {
      model = block[1] === "model" ? (block[2] ?? null) : null;
      table = null;
      pending = [];
    } else if (model && line.startsWith("}")) {
      // `@@map` may come anywhere in the block, so the table name is settled at its end.
      fields.push(...pending.map((field) => ({ ...field, table: table ?? field.table })));
      model = null;
    } else if (model) {
      table = TABLE_MAP.exec(line)?.[1] ?? table;
      const field = parseFieldLine(line, model, models, index + 1);
      if (field) pending.push(field);
    }
  }
  return fields;
}

/** Whether `value` names one of the four classes. */
export function isDataClass(value: string | null): value is DataClass {
  return (DATA_CLASSES as readonly (string | null)[]).includes(value);
}

/**
 * How a column is stored: `@encrypted` fields hold envelopes; by naming
 * convention `…Hash` columns hold one-way hashes and `…Index` columns a keyed
 * HMAC blind index (e.g. Address.postalCodeIndex); everything else is plain.
 */
export function storageOf(field: Pick<FieldClassification, "field" | "encrypted">): Storage {
  if (field.encrypted) return "encrypted";
  return /(Hash|Index)$/.test(field.field) ? "hashed" : "plain";
}
