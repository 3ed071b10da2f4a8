"use client";

import { useActionState } from "react";
import { NewPasswordField } from "@/components/auth/password-field";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { changePasswordAction } from "@/lib/actions/change-password";

export function ChangePasswordForm({ userInputs }: { userInputs: string[] }) {
  const [state, formAction] = useActionState(changePasswordAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.currentPassword}
      />
      <NewPasswordField name="newPassword" label="New password" errors={state.fieldErrors?.newPassword} userInputs={userInputs} />
      <p className="text-sm">Your other devices will be signed out.</p>
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
