"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { acceptPolicyAction } from "@/lib/actions/admin/accept-policy";

export function AcceptPolicyForm({ version }: { version: string }) {
  const [state, formAction] = useActionState(acceptPolicyAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="accept" className="size-5" />I have read this policy and will follow it
      </label>
      <SubmitButton pendingText="Saving…">Accept and continue</SubmitButton>
    </form>
  );
}
