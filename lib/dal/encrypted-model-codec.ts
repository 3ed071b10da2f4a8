import "server-only";
import { encryptField, type FieldContext } from "@/lib/crypto/field-encryption";
import { encryptedModels } from "@/lib/generated/data-classes";
import { readEncryptedField } from "@/lib/crypto/readable-field";

type Models = typeof encryptedModels;

/** A model with `@encrypted` fields in prisma/schema.prisma. */
export type EncryptedModel = keyof Models;

/** The `@encrypted` fields of model `M`, from the generated class table. */
export type EncryptedField<M extends EncryptedModel> = keyof Models[M]["fields"] & string;

/** One value per encrypted field of `M` (null where the column is empty). */
export type EncryptedValues<M extends EncryptedModel> = Record<EncryptedField<M>, string | null>;

/** The columns of a row that its values' AAD binds to: the owner column and the row's id. */
export type RowBinding<M extends EncryptedModel> = Record<Models[M]["owner"]["field"] | Models[M]["row"]["field"], string>;

/** Encrypts and decrypts every encrypted field of one model, bound to the row's owner and id. */
export type EncryptedModelCodec<M extends EncryptedModel> = {
  readonly fields: readonly EncryptedField<M>[];
  /** A Prisma select of the binding columns and every encrypted field. */
  readonly select: Record<EncryptedField<M> | keyof RowBinding<M>, true>;
  /** Encrypts each non-null value of `values` for `row`; the result keeps each value's nullability. */
  seal<T extends EncryptedValues<M>>(row: RowBinding<M>, values: T): Pick<T, EncryptedField<M>>;
  /** Decrypts every encrypted field of `row`; a value that does not decrypt reads UNREADABLE_VALUE. */
  open(row: RowBinding<M> & EncryptedValues<M>): EncryptedValues<M>;
  /** Decrypts one field of `row` (for queries that select only some of the model's fields). */
  openField(row: RowBinding<M>, field: EncryptedField<M>, value: string | null): string | null;
  /** The update that empties every encrypted field (crypto-shredding by deletion). */
  readonly erased: Record<EncryptedField<M>, null>;
};

/**
 * The codec of `model`: its encrypted fields, owner and row columns come from
 * the generated class table (the schema's `@encrypted owner=…` tags), so no
 * caller lists them, and every value is bound (AAD) to model, field, owner and
 * row exactly as key rotation (lib/dal/key-rotation.ts) re-encrypts it.
 */
export function encryptedModelCodec<M extends EncryptedModel>(model: M): EncryptedModelCodec<M> {
  const spec: Models[EncryptedModel] = encryptedModels[model];
  const fields = Object.keys(spec.fields) as EncryptedField<M>[];
  const place = (row: RowBinding<M>, field: string): FieldContext => {
    const binding = row as Record<string, string>;
    return { model, field, ownerId: binding[spec.owner.field] ?? "", recordId: binding[spec.row.field] ?? "" };
  };
  const each = <T>(valueOf: (field: EncryptedField<M>) => T) =>
    Object.fromEntries(fields.map((field) => [field, valueOf(field)])) as Record<EncryptedField<M>, T>;
  const openField = (row: RowBinding<M>, field: EncryptedField<M>, value: string | null) =>
    value === null ? null : readEncryptedField(value, place(row, field));
  return {
    fields,
    select: { ...each(() => true as const), [spec.owner.field]: true, [spec.row.field]: true } as EncryptedModelCodec<M>["select"],
    seal: (row, values) => each((field) => (values[field] === null ? null : encryptField(values[field], place(row, field)))) as never,
    open: (row) => each((field) => openField(row, field, row[field])),
    openField,
    erased: each(() => null),
  };
}
