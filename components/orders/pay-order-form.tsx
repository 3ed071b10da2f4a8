"use client";

import { useActionState } from "react";
import { BotChallengeField } from "@/components/forms/bot-challenge-field";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import { payOrderAction } from "@/lib/actions/checkout/pay-order";

type Props = {
  /** What the action reads to find the order: its id (an account's or a guest cart's order) or an order-status token. */
  field?: { name: "orderId" | "statusToken"; value: string };
  orderId?: string;
  /** The pay action: the account's by default; a guest's order or a status link has its own. */
  action?: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  /** Show the security check from the start (the server asks for it again when needed). */
  challengeRequired?: boolean;
};

export function PayOrderForm({ orderId = "", field = { name: "orderId", value: orderId }, action = payOrderAction, challengeRequired = false }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name={field.name} value={field.value} />
      {(challengeRequired || state.fieldErrors?.altcha) && <BotChallengeField errors={state.fieldErrors?.altcha} resetOn={state} />}
      <SubmitButton pendingText="Opening the payment page…">Pay now</SubmitButton>
    </form>
  );
}
