import type { ReactNode } from "react";

/** The ids a control's aria-describedby names: its hint and its errors, when shown. */
export function describedBy(id: string, hint?: string, errors?: string[]): string | undefined {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** The frame of every form field: its label, an optional hint, the control, and its errors (announced, linked). */
export function FieldShell({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-neutral-700">
          {hint}
        </p>
      )}
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-danger-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
