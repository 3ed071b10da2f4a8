/** A labelled textarea with its hint and errors linked (aria-describedby), like TextField. */
export function ReasonField({
  defaultValue,
  errors,
  minLength,
  maxLength,
}: {
  defaultValue?: string;
  errors?: string[];
  minLength: number;
  maxLength: number;
}) {
  const describedBy = ["reason-hint", errors?.length ? "reason-error" : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="reason" className="font-medium">
        Reason
      </label>
      <p id="reason-hint" className="text-sm text-neutral-700">
        Why you need to see it, e.g. the support ticket or call ({minLength} to {maxLength} characters).
      </p>
      <textarea
        id="reason"
        name="reason"
        required
        rows={4}
        minLength={minLength}
        maxLength={maxLength}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-11 rounded border border-neutral-400 px-3 py-2 text-base aria-[invalid=true]:border-danger-700"
      />
      {errors?.length ? (
        <p id="reason-error" className="text-sm text-danger-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
