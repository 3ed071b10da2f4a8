"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; active: boolean };

/** Switches a code off (no new order may use it) or on again: its own action and audit entry. */
export function DiscountActiveForm({ action, active }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <CsrfField />
      <FormMessage state={state} />
      <p>{active ? "Shoppers can use this code (within its dates and limits)." : "This code is deactivated: shoppers are told it is not valid."}</p>
      <input type="hidden" name="intent" value={active ? "deactivate" : "activate"} />
      <SubmitButton pendingText="Saving…">{active ? "Deactivate" : "Activate"}</SubmitButton>
    </form>
  );
}
