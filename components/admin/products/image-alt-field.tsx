import { TextField } from "@/components/forms/text-field";

type Props = { id: string; defaultValue: string; errors?: string[]; maxLength: number };

/** The alt text of a gallery image: required, one line, said what it is for. */
export function ImageAltField({ id, defaultValue, errors, maxLength }: Props) {
  return (
    <TextField
      id={id}
      label="Alt text"
      name="alt"
      required
      maxLength={maxLength}
      autoComplete="off"
      hint={`What the picture shows, read to people who cannot see it (up to ${maxLength} characters), e.g. "The lamp folded flat, seen from above".`}
      defaultValue={defaultValue}
      errors={errors}
    />
  );
}
