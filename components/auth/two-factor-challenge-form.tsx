"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { verifySecondFactorAction } from "@/lib/actions/two-factor/verify-second-factor";

export function TwoFactorChallengeForm({ method, callbackUrl }: { method: "totp" | "recovery_code"; callbackUrl: string }) {
  const [state, formAction] = useActionState(verifySecondFactorAction, initialActionState);
  const totp = method === "totp";
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <input type="hidden" name="method" value={method} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label={totp ? "Authentication code" : "Recovery code"}
        name="code"
        autoComplete="one-time-code"
        inputMode={totp ? "numeric" : "text"}
        hint={totp ? "The 6-digit code from your authenticator app." : "One of the codes you saved when you set up two-factor sign-in."}
        required
        maxLength={totp ? 20 : 40}
        autoFocus
        errors={state.fieldErrors?.code}
      />
      <SubmitButton pendingText="Checking…">Verify</SubmitButton>
    </form>
  );
}
