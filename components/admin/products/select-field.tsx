import type { ComponentProps } from "react";

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
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="min-h-11 rounded border border-slate-400 bg-white px-3 text-base aria-[invalid=true]:border-red-700"
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
