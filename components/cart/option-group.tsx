/** One option of a product as a radio group labelled by the option's name (e.g. "Size"). */
export function OptionGroup({
  name,
  label,
  values,
  chosen,
  onChoose,
}: {
  /** The form field: option1, option2 or option3. */
  name: string;
  label: string;
  values: string[];
  chosen: string | undefined;
  onChoose: (value: string) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-medium">{label}</legend>
      <div className="flex flex-wrap gap-2">
        {values.map((value) => (
          <label
            key={value}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded border border-neutral-400 px-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700"
          >
            <input type="radio" name={name} value={value} checked={chosen === value} onChange={() => onChoose(value)} className="accent-brand-700" />
            {value}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
