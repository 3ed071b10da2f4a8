"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { initialActionState } from "@/lib/actions/action-state";
import { settleTestCheckoutAction } from "@/lib/actions/test-gateway/settle-test-checkout";

const outcomes = [
  { value: "pay", label: "Pay", hint: "The payment succeeds at once." },
  { value: "pay_risky", label: "Pay (high risk)", hint: "The payment succeeds, rated highest risk by the processor: the order is held for fraud review." },
  { value: "pay_later", label: "Pay later", hint: "A delayed payment method: confirmed a few seconds later." },
  { value: "decline", label: "Decline", hint: "The bank refuses the payment: the order is cancelled and the items released." },
  { value: "abandon", label: "Abandon", hint: "Leave without paying: back to the shop, the checkout expires." },
] as const;

export function TestGatewayForm({ sessionId }: { sessionId: string }) {
  const [state, formAction, pending] = useActionState(settleTestCheckoutAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      {outcomes.map((outcome) => (
        <div key={outcome.value} className="flex flex-col gap-1">
          <button
            type="submit"
            name="outcome"
            value={outcome.value}
            disabled={pending}
            className="min-h-11 rounded border border-neutral-500 bg-white px-4 font-medium hover:bg-neutral-50 disabled:opacity-60"
          >
            {outcome.label}
          </button>
          <p className="text-sm text-neutral-700">{outcome.hint}</p>
        </div>
      ))}
    </form>
  );
}
