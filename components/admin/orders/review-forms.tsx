"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { approveHeldOrderAction, cancelHeldOrderAction } from "@/lib/actions/admin/orders/review-actions";

/** Releases a held order to packing, with a note for the audit log. */
export function ApproveHeldOrderForm({ orderId }: { orderId: string }) {
  const [state, formAction] = useActionState(approveHeldOrderAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <TextField label="Why it is safe to ship" name="note" id="approve-note" required maxLength={500} defaultValue={state.values?.note} errors={state.fieldErrors?.note} />
      <SubmitButton pendingText="Approving…">Approve for fulfilment</SubmitButton>
    </form>
  );
}

/** Cancels a held order and refunds its payment in full, with a note; asks for the second factor again. */
export function CancelHeldOrderForm({ orderId }: { orderId: string }) {
  const [state, formAction] = useActionState(cancelHeldOrderAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <TextField
        label="Why it is cancelled"
        name="note"
        id="review-cancel-note"
        required
        maxLength={500}
        hint="The payment is refunded in full to the card it came from. This asks for your second factor again."
        defaultValue={state.values?.note}
        errors={state.fieldErrors?.note}
      />
      <SubmitButton pendingText="Cancelling…">Cancel and refund</SubmitButton>
    </form>
  );
}
