import { DATA_CLASSES, readFieldTags } from "./annotations.mjs";

/**
 * The schema's data classification, read from Prisma's DMMF: every column's
 * class and storage, the encrypted columns of each model with the columns
 * their encryption is bound to (owner and row), and every broken rule.
 */

const ENCRYPTABLE = new Set(["sensitive", "confidential"]);
// Never logged raw (ARCHITECTURE.md): the same two classes.
const REDACTED = ENCRYPTABLE;

/**
 * @typedef {object} FieldClassification
 * @property {string} model
 * @property {string} field
 * @property {string} type The Prisma type as written, with `?` or `[]` (e.g. `String?`).
 * @property {string} dataClass
 * @property {"plain" | "encrypted" | "hashed"} storage
 * @property {boolean} encrypted
 * @property {string} table The SQL table (after `@@map`).
 * @property {string} column The SQL column (after `@map`).
 */

/**
 * @typedef {object} EncryptedModel
 * @property {string} table
 * @property {{ field: string, column: string }} owner The column whose value is the AAD ownerId.
 * @property {{ field: string, column: string }} row The row's id column, the AAD recordId.
 * @property {Record<string, { column: string, required: boolean }>} fields
 */

/**
 * How a column is stored: `@encrypted` fields hold envelopes; by naming
 * convention `…Hash` columns hold one-way hashes and `…Index` columns a keyed
 * HMAC blind index (e.g. Address.postalCodeIndex); everything else is plain.
 * @param {string} field
 * @param {boolean} encrypted
 */
export function storageOf(field, encrypted) {
  if (encrypted) return "encrypted";
  return /(Hash|Index)$/.test(field) ? "hashed" : "plain";
}

/** The 1-based line declaring `model.field` in the schema text, or null (the DMMF carries no positions). */
function lineOf(lines, model, field) {
  const start = lines.findIndex((line) => new RegExp(`^\\s*model\\s+${model}\\s*\\{`).test(line));
  if (start < 0) return null;
  for (let index = start + 1; index < lines.length && !/^\s*\}/.test(lines[index]); index++) {
    if (new RegExp(`^\\s*${field}\\s`).test(lines[index])) return index + 1;
  }
  return null;
}

/** Why a field breaks the classification rules, or null when it keeps them. */
function problemOf(field, tags) {
  // A relation is not a column: the class belongs on its foreign-key field.
  if (field.kind === "object") return tags.dataClass === null && !tags.encrypted ? null : "is a relation, not a column: remove its data class";
  if (tags.dataClass === null) return "has no data class: add `/// @class <public|internal|sensitive|confidential>`";
  if (!DATA_CLASSES.includes(tags.dataClass)) return `has an unknown data class "${tags.dataClass}"`;
  if (tags.encrypted && !ENCRYPTABLE.has(tags.dataClass)) {
    return `is @encrypted but ${tags.dataClass}: only sensitive or confidential fields are encrypted`;
  }
  if (tags.encrypted && (field.type !== "String" || field.isList)) return "is @encrypted but not a String";
  // ARCHITECTURE.md: confidential values are hashed or encrypted, never kept as they are.
  if (tags.dataClass === "confidential" && storageOf(field.name, tags.encrypted) === "plain") {
    return "is confidential but stored plain: mark it @encrypted or store a hash (…Hash)";
  }
  return null;
}

/** The owner and row columns one model's encrypted fields are bound to, or the problems that prevent it. */
function bindingOf(model, encrypted, where) {
  const problems = [];
  const ids = model.fields.filter((field) => field.isId);
  const row = ids.length === 1 && ids[0].type === "String" ? ids[0] : undefined;
  if (!row) problems.push(`${model.name} has @encrypted fields but no single String @id to bind them to`);
  const owners = new Set(encrypted.map(({ tags }) => tags.owner ?? row?.name));
  if (owners.size > 1) {
    problems.push(`${model.name}'s @encrypted fields name different owners (${[...owners].join(", ")}): a model's encrypted fields share one owner=`);
  }
  const ownerName = [...owners][0];
  const owner = model.fields.find((field) => field.name === ownerName);
  if (ownerName !== undefined && (!owner || owner.kind !== "scalar" || owner.type !== "String" || !owner.isRequired || owner.isList)) {
    const field = encrypted.find(({ tags }) => tags.owner === ownerName)?.field ?? encrypted[0].field;
    problems.push(`${where(field)} names owner=${ownerName}, which is not a required String field of ${model.name}`);
  }
  if (problems.length > 0 || !row || !owner) return { problems };
  const columnOf = (field) => ({ field: field.name, column: field.dbName ?? field.name });
  return { problems, binding: { owner: columnOf(owner), row: columnOf(row) } };
}

/**
 * @param {{ models: readonly any[] }} datamodel The DMMF's datamodel.
 * @param {string} [schemaText] The schema, only to point problems at their line.
 * @returns {{ fields: FieldClassification[], encryptedModels: Record<string, EncryptedModel>, problems: string[] }}
 */
export function classifyDatamodel(datamodel, schemaText = "") {
  const lines = schemaText.split(/\r?\n/);
  /** @type {FieldClassification[]} */
  const fields = [];
  /** @type {Record<string, EncryptedModel>} */
  const encryptedModels = {};
  const problems = [];
  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    const where = (field) => {
      const line = lineOf(lines, model.name, field.name);
      return `${model.name}.${field.name}${line === null ? "" : ` (line ${line})`}`;
    };
    const encrypted = [];
    for (const field of model.fields) {
      const tags = readFieldTags(field.documentation);
      const problem = problemOf(field, tags);
      problems.push(...tags.problems.map((text) => `${where(field)} ${text}`), ...(problem ? [`${where(field)} ${problem}`] : []));
      if (problem || field.kind === "object") continue;
      const type = `${field.type}${field.isList ? "[]" : field.isRequired ? "" : "?"}`;
      const storage = storageOf(field.name, tags.encrypted);
      fields.push({ model: model.name, field: field.name, type, dataClass: tags.dataClass, storage, encrypted: tags.encrypted, table, column: field.dbName ?? field.name });
      if (tags.encrypted) encrypted.push({ field, tags });
    }
    if (encrypted.length === 0) continue;
    const { problems: bindingProblems, binding } = bindingOf(model, encrypted, where);
    problems.push(...bindingProblems);
    if (binding) {
      const columns = Object.fromEntries(encrypted.map(({ field }) => [field.name, { column: field.dbName ?? field.name, required: field.isRequired }]));
      encryptedModels[model.name] = { table, ...binding, fields: columns };
    }
  }
  return { fields, encryptedModels, problems };
}

/**
 * The pino redact paths of the schema's sensitive and confidential column
 * names, at the three depths the logger covers (`*` matches one level; pino
 * has no recursive wildcard). Pino matches keys, not models, so a name that
 * is sensitive in one model (User.name) is redacted wherever it appears
 * (Product.name too): failing closed is the point.
 * @param {readonly FieldClassification[]} fields
 */
export function redactPathsOf(fields) {
  const names = [...new Set(fields.filter((entry) => REDACTED.has(entry.dataClass)).map((entry) => entry.field))];
  return [...names, ...names.map((name) => `*.${name}`), ...names.map((name) => `*.*.${name}`)];
}
