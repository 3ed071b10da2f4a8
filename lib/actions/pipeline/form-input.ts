import type { z } from "zod";
import { fieldErrorsOf, textFields } from "../action-state";

/**
 * How an action reads its form: the text fields it takes, by name (nothing
 * else is read, so nothing else can be mass-assigned), optional non-text
 * values (checkboxes, files), the zod schema they must satisfy, and which
 * fields are echoed back so the form keeps what was typed.
 */
export type FormInput<S extends z.ZodType> = {
  fields: readonly string[];
  extra?: (formData: FormData) => Record<string, unknown>;
  schema: S;
  /** Field name → longest echo; or a function of the raw fields. Never passwords, codes or tokens. */
  echo?: Record<string, number> | ((raw: Record<string, string>, formData: FormData) => Record<string, string>);
};

// Whatever an action declares, these never go back to the browser in `values`.
const SECRET_FIELD = /password|secret|token|recovery|^code$|^otp$/i;

/** Whether a field name may be echoed back (never a password, code or token). */
export function isEchoable(name: string): boolean {
  return !SECRET_FIELD.test(name);
}

/** Refuses, when the action is defined, an echo list that names a secret field. */
export function assertSafeEcho(echo: FormInput<z.ZodType>["echo"]): void {
  if (!echo || typeof echo === "function") return;
  const unsafe = Object.keys(echo).filter((name) => !isEchoable(name));
  if (unsafe.length > 0) throw new Error(`An action may not echo ${unsafe.join(", ")}: passwords, codes and tokens are never sent back.`);
}

/** Drops any secret-looking key from echoed values (the last line of defence). */
export function safeValues(values: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!values) return undefined;
  return Object.fromEntries(Object.entries(values).filter(([name]) => isEchoable(name)));
}

export type ParsedForm<S extends z.ZodType> =
  | { ok: true; data: z.output<S>; raw: Record<string, string>; values: Record<string, string> }
  | { ok: false; fieldErrors: Record<string, string[] | undefined>; raw: Record<string, string>; values: Record<string, string> };

/** Reads and validates a form as `input` describes. */
export function parseForm<S extends z.ZodType>(input: FormInput<S>, formData: FormData): ParsedForm<S> {
  const raw = textFields(formData, input.fields);
  const values = echoed(input.echo, raw, formData);
  const parsed = input.schema.safeParse({ ...raw, ...input.extra?.(formData) });
  return parsed.success ? { ok: true, data: parsed.data, raw, values } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error), raw, values };
}

function echoed(echo: FormInput<z.ZodType>["echo"], raw: Record<string, string>, formData: FormData): Record<string, string> {
  if (!echo) return {};
  if (typeof echo === "function") return safeValues(echo(raw, formData)) ?? {};
  return Object.fromEntries(Object.entries(echo).map(([name, max]) => [name, (raw[name] ?? "").slice(0, max)]));
}
