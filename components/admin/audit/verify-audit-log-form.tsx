"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { verifyAuditLogAction } from "@/lib/actions/admin/audit/verify-audit-log";

export function VerifyAuditLogForm() {
  const [state, formAction] = useActionState(verifyAuditLogAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <SubmitButton pendingText="Verifying…">Verify integrity</SubmitButton>
    </form>
  );
}
