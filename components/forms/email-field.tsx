import { TextField } from "./text-field";

/** An email input with the shop's limits (254 characters, the RFC 5321 maximum) and autofill. */
export function EmailField({
  name = "email",
  label = "Email",
  defaultValue,
  errors,
  onChange,
}: {
  name?: string;
  label?: string;
  defaultValue?: string;
  errors?: string[];
  onChange?: (event: React.ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <TextField
      label={label}
      name={name}
      type="email"
      autoComplete="email"
      required
      maxLength={254}
      defaultValue={defaultValue}
      errors={errors}
      onChange={onChange}
    />
  );
}
