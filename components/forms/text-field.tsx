import type { ComponentProps } from "react";
import { describedBy, FieldShell } from "./field-shell";

type Props = ComponentProps<"input"> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
};

/** A labelled input with its errors announced and linked (aria-describedby). */
export function TextField({ label, name, errors, hint, id = name, ...input }: Props) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className="min-h-11 rounded border border-neutral-400 px-3 text-base aria-[invalid=true]:border-danger-700"
        {...input}
      />
    </FieldShell>
  );
}
