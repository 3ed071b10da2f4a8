"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; variantId: string; archived: boolean };

/** Takes a variant off sale (kept for orders) or puts it back. */
export function VariantArchiveForm({ action, variantId, archived }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <input type="hidden" name="variantId" value={variantId} />
      <input type="hidden" name="intent" value={archived ? "restore" : "archive"} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving…">{archived ? "Restore variant" : "Archive variant"}</SubmitButton>
    </form>
  );
}
