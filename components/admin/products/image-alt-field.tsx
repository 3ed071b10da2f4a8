import { TextField } from "@/components/forms/text-field";

type Props = { id: string; defaultValue: string; errors?: string[]; maxLength: number; withHint?: boolean };

/** The alt text of a gallery image: required, one line; the hint says what it is for (shown once, on the upload form). */
export function ImageAltField({ id, defaultValue, errors, maxLength, withHint = true }: Props) {
  return (
    <TextField
      id={id}
      label="Alt text"
      name="alt"
      required
      maxLength={maxLength}
      autoComplete="off"
      hint={withHint ? `What the picture shows, read to people who cannot see it (up to ${maxLength} characters), e.g. "The lamp folded flat, seen from above".` : undefined}
      defaultValue={defaultValue}
      errors={errors}
    />
  );
}
