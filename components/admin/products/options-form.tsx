"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; options: { name: string; values: string[] }[] };

/** Up to three options (e.g. Size: S, M, L), each a name and its values separated by commas. */
export function OptionsForm({ action, options }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const errors = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      {[1, 2, 3].map((n) => {
        const option = options[n - 1];
        return (
          <fieldset key={n} className="grid gap-3 sm:grid-cols-[12rem_1fr]">
            <legend className="sr-only">Option {n}</legend>
            <TextField label={`Option ${n} name`} name={`name${n}`} maxLength={40} defaultValue={state.values?.[`name${n}`] ?? option?.name ?? ""} errors={errors(`name${n}`)} />
            <TextField
              label={`Option ${n} values`}
              name={`values${n}`}
              maxLength={600}
              hint="Separated by commas, in the order shoppers see them."
              defaultValue={state.values?.[`values${n}`] ?? option?.values.join(", ") ?? ""}
              errors={errors(`values${n}`)}
            />
          </fieldset>
        );
      })}
      <SubmitButton pendingText="Saving…">Save options</SubmitButton>
    </form>
  );
}
