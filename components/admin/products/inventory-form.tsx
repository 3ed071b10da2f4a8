"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; variantId: string; stock: number };

/** Adds or removes a variant's stock with a reason; a refused change keeps what was typed. */
export function InventoryForm({ action, variantId, stock }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const errors = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <input type="hidden" name="variantId" value={variantId} />
      <FormMessage state={state} />
      <p>
        In stock now: <strong>{stock}</strong>
      </p>
      <TextField
        id={`${variantId}-delta`}
        label="Change in stock"
        name="delta"
        required
        // Plain text: numeric keypads on phones often lack the minus sign.
        autoComplete="off"
        maxLength={9}
        hint="A whole number: 20 adds twenty units, -5 removes five."
        defaultValue={state.values?.delta ?? ""}
        errors={errors("delta")}
      />
      <TextField
        id={`${variantId}-reason`}
        label="Reason"
        name="reason"
        required
        minLength={3}
        maxLength={300}
        hint="Why the stock changes, e.g. delivery received or damaged in storage (3 to 300 characters)."
        defaultValue={state.values?.reason ?? ""}
        errors={errors("reason")}
      />
      <SubmitButton pendingText="Saving…">Adjust stock</SubmitButton>
    </form>
  );
}
