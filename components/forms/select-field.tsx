import type { ComponentProps } from "react";
import { describedBy, FieldShell } from "./field-shell";

type Props = ComponentProps<"select"> & {
  label: string;
  name: string;
  options: readonly { value: string; label: string }[];
  errors?: string[];
  /** Shown first with an empty value, when nothing is chosen yet. */
  placeholder?: string;
};

/** A labelled select with its errors linked (aria-describedby). */
export function SelectField({ label, name, options, errors, placeholder, id = name, ...select }: Props) {
  return (
    <FieldShell id={id} label={label} errors={errors}>
      {/* Keyed on the default: React resets a form after its action, and a select (unlike an input)
          does not take a changed defaultValue, so the typed choice would be lost on a field error. */}
      <select
        key={String(select.defaultValue ?? "")}
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, undefined, errors)}
        className="min-h-11 rounded border border-neutral-400 bg-white px-3 text-base aria-[invalid=true]:border-danger-700"
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
