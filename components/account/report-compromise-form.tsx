"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextareaField } from "@/components/forms/textarea-field";
import { initialActionState } from "@/lib/actions/action-state";
import { reportCompromiseAction } from "@/lib/actions/report-compromise";

/**
 * "This wasn't me": the first press only opens the confirmation (a <details>,
 * so it works without JavaScript); the second ends everything.
 */
export function ReportCompromiseForm() {
  const [state, report] = useActionState(reportCompromiseAction, initialActionState);
  return (
    <details className="rounded border border-danger-300 p-3" open={state.status === "error"}>
      <summary className="min-h-11 cursor-pointer content-center font-medium text-danger-800">This wasn&apos;t me</summary>
      <form action={report} className="mt-3 flex flex-col gap-3">
        <CsrfField />
        <FormMessage state={state} />
        <p>
          If you see activity above that was not you, we will sign out every device, including this one, and lock your
          password. We will email you a link to choose a new one, and our team will be told.
        </p>
        <TextareaField
          label="What looked wrong? (optional)"
          name="note"
          maxLength={500}
          defaultValue={state.values?.note ?? ""}
          errors={state.fieldErrors?.note}
        />
        <div>
          <SubmitButton pendingText="Locking your account…">Yes, sign out everywhere and lock my password</SubmitButton>
        </div>
      </form>
    </details>
  );
}
