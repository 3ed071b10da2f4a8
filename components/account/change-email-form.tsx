"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { EmailField } from "@/components/forms/email-field";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { changeEmailAction } from "@/lib/actions/change-email";

export function ChangeEmailForm() {
  const [state, formAction] = useActionState(changeEmailAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <EmailField
        label="New email"
        name="newEmail"
        defaultValue={state.values?.newEmail}
        errors={state.fieldErrors?.newEmail}
      />
      <TextField
        label="Password"
        name="password"
        id="change-email-password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pendingText="Sending…">Change email</SubmitButton>
    </form>
  );
}
