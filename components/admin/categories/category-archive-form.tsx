"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; archived: boolean };

/** Archives a category (gone from the shop, kept for history) or restores it. */
export function CategoryArchiveForm({ action, archived }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-label={archived ? "Restore category" : "Archive category"}>
      <CsrfField />
      <FormMessage state={state} />
      <p>
        {archived
          ? "Archived: not in the navigation, without a page, not in the sitemap."
          : "Archiving takes the category out of the navigation, its page and the sitemap. Its products must be hidden or moved first."}
      </p>
      <input type="hidden" name="intent" value={archived ? "restore" : "archive"} />
      <SubmitButton pendingText="Saving…">{archived ? "Restore" : "Archive"}</SubmitButton>
    </form>
  );
}
