"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { initialActionState } from "@/lib/actions/action-state";
import { resendVerificationAction } from "@/lib/actions/resend-verification";

export function ResendVerification() {
  const [state, formAction] = useActionState(resendVerificationAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <button type="submit" className="min-h-11 self-start rounded border border-neutral-400 px-3 hover:bg-neutral-50">
        Send a new verification link
      </button>
    </form>
  );
}
