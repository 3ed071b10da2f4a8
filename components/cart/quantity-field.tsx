import type { ReactNode } from "react";

type Props = {
  id: string;
  label: ReactNode;
  max: number;
  defaultValue: string;
  errors?: string[];
};

/**
 * A whole-number quantity input named `quantity`. The min/max only guide the
 * browser's spinner and keyboard: forms are `noValidate`, the server decides.
 */
export function QuantityField({ id, label, max, defaultValue, errors }: Props) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={Math.max(1, max)}
        step={1}
        required
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="min-h-11 w-24 rounded border border-neutral-400 px-3 text-base aria-[invalid=true]:border-danger-700"
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-danger-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
