"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { verifyAuditLogAction } from "@/lib/actions/admin/audit/verify-audit-log";

export function VerifyAuditLogForm() {
  const [state, formAction] = useActionState(verifyAuditLogAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <FormMessage state={state} />
      <SubmitButton pendingText="Verifying…">Verify integrity</SubmitButton>
    </form>
  );
}
