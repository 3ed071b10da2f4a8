"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { payOrderAction } from "@/lib/actions/checkout/pay-order";

export function PayOrderForm({ orderId }: { orderId: string }) {
  const [state, formAction] = useActionState(payOrderAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton pendingText="Opening the payment page…">Pay now</SubmitButton>
    </form>
  );
}
