"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { approveReturnAction, receiveReturnAction, refundReturnAction, rejectReturnAction } from "@/lib/actions/admin/orders/return-actions";

/** One-button return steps (approve, mark received). */
export function ReturnStepForm({ returnId, step }: { returnId: string; step: "approve" | "receive" }) {
  const [state, formAction] = useActionState(step === "approve" ? approveReturnAction : receiveReturnAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="returnId" value={returnId} />
      <SubmitButton pendingText="Saving…">{step === "approve" ? "Approve return" : "Mark return received"}</SubmitButton>
    </form>
  );
}

export function RejectReturnForm({ returnId }: { returnId: string }) {
  const [state, formAction] = useActionState(rejectReturnAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="returnId" value={returnId} />
      <TextField
        label="Reason for declining (the customer reads it)"
        name="reason"
        id={`reject-reason-${returnId}`}
        required
        maxLength={500}
        defaultValue={state.values?.reason}
        errors={state.fieldErrors?.reason}
      />
      <SubmitButton pendingText="Declining…">Decline return</SubmitButton>
    </form>
  );
}

/** The refund of a received return, prefilled with what the returned units cost (it may be lowered, not raised). */
export function RefundReturnForm({ returnId, orderId, value, valueText }: { returnId: string; orderId: string; value: string; valueText: string }) {
  const [state, formAction] = useActionState(refundReturnAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="returnId" value={returnId} />
      <input type="hidden" name="orderId" value={orderId} />
      <TextField
        label="Amount to refund for the return"
        name="amount"
        id={`return-refund-amount-${returnId}`}
        inputMode="decimal"
        required
        hint={`Up to ${valueText}, what the returned items cost. Refunding asks for your second factor again.`}
        defaultValue={state.values?.amount ?? value}
        errors={state.fieldErrors?.amount}
      />
      <TextField
        label="Reason for the return refund"
        name="reason"
        id={`return-refund-reason-${returnId}`}
        required
        maxLength={500}
        defaultValue={state.values?.reason ?? "Items returned"}
        errors={state.fieldErrors?.reason}
      />
      <SubmitButton pendingText="Refunding…">Refund return</SubmitButton>
    </form>
  );
}
