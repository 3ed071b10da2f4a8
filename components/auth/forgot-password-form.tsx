"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { EmailField } from "@/components/forms/email-field";
import { initialActionState } from "@/lib/actions/action-state";
import { requestPasswordResetAction } from "@/lib/actions/request-password-reset";

export function ForgotPasswordForm() {
  const [state, formAction] = useActionState(requestPasswordResetAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <EmailField defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
    </form>
  );
}
