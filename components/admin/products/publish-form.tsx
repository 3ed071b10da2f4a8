"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; published: boolean };

/** Shows or hides the product in the shop: a separate action from editing, with its own audit entry. */
export function PublishForm({ action, published }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <CsrfField />
      <FormMessage state={state} />
      <p>{published ? "Shoppers can see and buy this product." : "Shoppers cannot see this product."}</p>
      <input type="hidden" name="intent" value={published ? "unpublish" : "publish"} />
      <SubmitButton pendingText="Saving…">{published ? "Unpublish" : "Publish"}</SubmitButton>
    </form>
  );
}
