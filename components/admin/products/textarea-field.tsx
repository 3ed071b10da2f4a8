import type { ComponentProps } from "react";

type Props = ComponentProps<"textarea"> & { label: string; name: string; errors?: string[]; hint?: string };

/** A labelled multi-line input with its hint and errors linked (aria-describedby), like TextField. */
export function TextareaField({ label, name, errors, hint, id = name, ...textarea }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="min-h-32 rounded border border-slate-400 px-3 py-2 text-base aria-[invalid=true]:border-red-700"
        {...textarea}
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
