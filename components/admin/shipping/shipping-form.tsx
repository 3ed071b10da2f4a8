"use client";

import { type ReactNode, useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  label: string;
  children?: ReactNode;
  className?: string;
};

/**
 * One form of the shipping and tax page: its fields (rendered by the page),
 * the outcome and every field's problem announced above them. The page
 * reloads its data after a save, so the fields show what was stored.
 */
export function ShippingForm({ action, submitLabel, label, children, className = "flex flex-wrap items-end gap-3" }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const problems = Object.values(state.fieldErrors ?? {}).flatMap((messages) => messages ?? []);
  // The fields are the page's: their problems are announced together, as the form's one message.
  const shown = problems.length > 0 ? { ...state, message: [state.message, ...problems].filter(Boolean).join(" ") } : state;
  return (
    <form action={formAction} aria-label={label} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={shown} />
      <div className={className}>
        {children}
        <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
