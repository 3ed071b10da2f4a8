"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { revealCustomerPiiAction } from "@/lib/actions/admin/customers/reveal-customer-pii";
import { ReasonField } from "./reason-field";

type Props = { customerId: string; minLength: number; maxLength: number };

export function RevealForm({ customerId, minLength, maxLength }: Props) {
  const [state, formAction] = useActionState(revealCustomerPiiAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="customerId" value={customerId} />
      <ReasonField defaultValue={state.values?.reason} errors={state.fieldErrors?.reason} minLength={minLength} maxLength={maxLength} />
      <SubmitButton pendingText="Revealing…">Reveal personal data</SubmitButton>
    </form>
  );
}
