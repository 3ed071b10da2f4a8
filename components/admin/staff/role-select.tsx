export type RoleOption = { value: string; label: string };

/** A labelled role picker offering only the roles the viewer may give; errors linked for screen readers. */
export function RoleSelect({
  id,
  label,
  roles,
  defaultValue,
  errors,
}: {
  id: string;
  label: string;
  roles: readonly RoleOption[];
  defaultValue?: string;
  errors?: string[];
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select
        id={id}
        name="role"
        required
        defaultValue={defaultValue ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="min-h-11 rounded border border-slate-400 bg-white px-3 text-base aria-[invalid=true]:border-red-700"
      >
        <option value="" disabled>
          Choose a role
        </option>
        {roles.map((role) => (
          <option key={role.value} value={role.value}>
            {role.label}
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
