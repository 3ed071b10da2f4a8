import { SelectField } from "@/components/forms/select-field";

export type RoleOption = { value: string; label: string };

/** A role picker offering only the roles the viewer may give (the server checks again). */
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
    <SelectField
      id={id}
      name="role"
      label={label}
      required
      options={roles}
      placeholder="Choose a role"
      defaultValue={defaultValue ?? ""}
      errors={errors}
    />
  );
}
