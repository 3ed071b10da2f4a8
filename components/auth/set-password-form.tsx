"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import { NewPasswordField } from "./password-field";

type Props = {
  token: string;
  userInputs: string[];
  /** The server action that checks the link and sets the password (reset, staff set-up). */
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  submitText: string;
};

/** A new password chosen through a single-use link. */
export function SetPasswordForm({ token, userInputs, action, label, submitText }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordField label={label} errors={state.fieldErrors?.password} userInputs={userInputs} />
      <SubmitButton pendingText="Saving…">{submitText}</SubmitButton>
    </form>
  );
}
