"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { reauthenticateAction } from "@/lib/actions/two-factor/reauthenticate";

const labels = {
  password: { label: "Password", autoComplete: "current-password", type: "password" },
  totp: { label: "Authentication code", autoComplete: "one-time-code", type: "text" },
  recovery_code: { label: "Recovery code", autoComplete: "off", type: "text" },
} as const;

export function ReauthenticateForm({ method, returnTo }: { method: keyof typeof labels; returnTo: string }) {
  const [state, formAction] = useActionState(reauthenticateAction, initialActionState);
  const field = labels[method];
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <input type="hidden" name="method" value={method} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <TextField
        label={field.label}
        name="secret"
        type={field.type}
        autoComplete={field.autoComplete}
        inputMode={method === "totp" ? "numeric" : undefined}
        required
        autoFocus
        errors={state.fieldErrors?.secret}
      />
      <SubmitButton pendingText="Checking…">Confirm</SubmitButton>
    </form>
  );
}
