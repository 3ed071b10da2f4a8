import type { ComponentProps } from "react";
import { describedBy, FieldShell } from "./field-shell";

type Props = ComponentProps<"textarea"> & { label: string; name: string; errors?: string[]; hint?: string };

/** A labelled multi-line input with its hint and errors linked (aria-describedby), like TextField. */
export function TextareaField({ label, name, errors, hint, id = name, ...textarea }: Props) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <textarea
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className="min-h-32 rounded border border-neutral-400 px-3 py-2 text-base aria-[invalid=true]:border-danger-700"
        {...textarea}
      />
    </FieldShell>
  );
}
