"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { resetPasswordAction } from "@/lib/actions/reset-password";
import { NewPasswordField } from "./password-field";

export function ResetPasswordForm({ token, userInputs }: { token: string; userInputs: string[] }) {
  const [state, formAction] = useActionState(resetPasswordAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordField label="New password" errors={state.fieldErrors?.password} userInputs={userInputs} />
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </form>
  );
}
