import { z } from "zod";

/** A page's `searchParams` as Next hands them over: a key may be missing, given once, or repeated. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

type FieldSchemas = Record<string, z.ZodType>;

/**
 * Parses a page's search parameters with a zod object schema, one field at a
 * time and leniently: a repeated key counts by its first value, and a field
 * whose value is invalid falls back to what its schema gives for a missing
 * value (its `.catch`/`.default`, else undefined). A hand-edited or hostile
 * URL therefore gets a normal page with default filters, never an error.
 */
export function parseSearchParams<Shape extends FieldSchemas>(
  schema: z.ZodObject<Shape>,
  raw: RawSearchParams,
): z.output<z.ZodObject<Shape>> {
  const parsed: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
    const given = field.safeParse(Array.isArray(value) ? value[0] : value);
    if (given.success) {
      parsed[key] = given.data;
    } else {
      const fallback = field.safeParse(undefined);
      parsed[key] = fallback.success ? fallback.data : undefined;
    }
  }
  return parsed as z.output<z.ZodObject<Shape>>;
}

/** An optional text field: trimmed and cut to `max` characters; empty counts as missing. */
export const searchText = (max: number) =>
  z
    .string()
    .transform((text) => text.trim().slice(0, max))
    .optional()
    .transform((text) => text || undefined);

/**
 * An optional choice among known values (which notice to show, which sign-in
 * method): anything else counts as missing, so an unknown value is ignored.
 */
export const searchChoice = <const Values extends readonly [string, ...string[]]>(values: Values) => z.enum(values).optional().catch(undefined);

/** An optional text field kept as given (a token, a path checked later); it selects, it is never trusted. */
export const searchValue = z.string().optional();

/** An optional `YYYY-MM-DD` date field, kept as typed (a date input's value); anything else counts as missing. */
export const searchDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => !Number.isNaN(Date.parse(day)))
  .optional()
  .catch(undefined);

/** Midnight UTC at the start of a `YYYY-MM-DD` day. */
export function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** Midnight UTC after a `YYYY-MM-DD` day (an exclusive upper bound that includes the whole day). */
export function endOfDay(day: string): Date {
  return new Date(startOfDay(day).getTime() + 86_400_000);
}
