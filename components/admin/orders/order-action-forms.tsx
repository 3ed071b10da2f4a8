"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { cancelOrderAction, refundOrderAction } from "@/lib/actions/admin/orders/order-actions";

export function CancelOrderForm({ orderId }: { orderId: string }) {
  const [state, formAction] = useActionState(cancelOrderAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <TextField label="Reason for cancelling" name="reason" id="cancel-reason" required maxLength={500} defaultValue={state.values?.reason} errors={state.fieldErrors?.reason} />
      <SubmitButton pendingText="Cancelling…">Cancel order</SubmitButton>
    </form>
  );
}

export function RefundOrderForm({ orderId, refundable }: { orderId: string; refundable: string }) {
  const [state, formAction] = useActionState(refundOrderAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <TextField
        label="Amount to refund"
        name="amount"
        id="refund-amount"
        inputMode="decimal"
        required
        hint={`Up to ${refundable}. Refunding asks for your second factor again.`}
        defaultValue={state.values?.amount}
        errors={state.fieldErrors?.amount}
      />
      <TextField label="Reason for the refund" name="reason" id="refund-reason" required maxLength={500} defaultValue={state.values?.reason} errors={state.fieldErrors?.reason} />
      <SubmitButton pendingText="Refunding…">Refund</SubmitButton>
    </form>
  );
}
