"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { deleteAccountAction } from "@/lib/actions/privacy/delete-account";

/** Account deletion: the user must type DELETE, so no stray click erases an account. */
export function DeleteAccountForm() {
  const [state, action] = useActionState(deleteAccountAction, initialActionState);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <TextField
        label="Type DELETE to confirm"
        name="confirmation"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={20}
        required
        defaultValue={state.values?.confirmation}
        errors={state.fieldErrors?.confirmation}
      />
      <div>
        <SubmitButton pendingText="Deleting your account…">Delete my account</SubmitButton>
      </div>
    </form>
  );
}
