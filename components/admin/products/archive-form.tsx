"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; archived: boolean };

/** Archives a product no longer sold (kept for its orders) or brings it back as a draft. */
export function ArchiveForm({ action, archived }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <CsrfField />
      <FormMessage state={state} />
      <p>{archived ? "Archived: hidden from the shop and the product list, kept for its orders." : "No longer sold? Archive it: it leaves the shop, its orders keep it."}</p>
      <input type="hidden" name="intent" value={archived ? "restore" : "archive"} />
      <SubmitButton pendingText="Saving…">{archived ? "Restore product" : "Archive product"}</SubmitButton>
    </form>
  );
}
