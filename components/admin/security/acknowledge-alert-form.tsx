"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { acknowledgeAlertAction } from "@/lib/actions/admin/security/acknowledge-alert";

/** Acknowledge one open alert with a note saying what was done about it. */
export function AcknowledgeAlertForm({ alertId }: { alertId: string }) {
  const [state, formAction] = useActionState(acknowledgeAlertAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="alertId" value={alertId} />
      <TextField
        label="Note"
        name="note"
        id={`note-${alertId}`}
        required
        minLength={3}
        maxLength={500}
        defaultValue={state.values?.note}
        errors={state.fieldErrors?.note}
      />
      <SubmitButton pendingText="Acknowledging…">Acknowledge</SubmitButton>
    </form>
  );
}
