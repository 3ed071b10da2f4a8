"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { formatMoney } from "@/lib/catalog/money";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import type { CustomerReturnableLineDTO } from "@/lib/dal/orders/returns/customer-returns";

type Props = {
  /** The action to post to: the signed-in order page's, or the order-status link's (which carries its own credential). */
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  lines: CustomerReturnableLineDTO[];
  windowEndsAt: Date;
};

/** "Return items": units per line (up to what may still be returned) and a reason; keeps what was typed on a refusal. */
export function ReturnItemsForm({ action, lines, windowEndsAt }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const open = lines.filter((line) => line.returnable > 0);
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-3">
      <CsrfField />
      <FormMessage state={state} />
      <p className="text-sm">You can ask for a return until {windowEndsAt.toISOString().slice(0, 10)}.</p>
      {state.fieldErrors?.units && (
        <p role="alert" className="text-sm text-danger-800">
          {state.fieldErrors.units.join(" ")}
        </p>
      )}
      {open.map((line) => {
        const name = `units.${line.orderItemId}`;
        return (
          <TextField
            key={line.orderItemId}
            label={`Items of ${line.name} to return`}
            name={name}
            id={`return-${line.orderItemId}`}
            type="number"
            inputMode="numeric"
            min={0}
            max={line.returnable}
            hint={`Up to ${line.returnable} (${formatMoney(line.unitPrice)} each).`}
            defaultValue={state.values?.[name] ?? "0"}
            errors={state.fieldErrors?.[name]}
          />
        );
      })}
      <TextareaField
        label="Why are you returning them?"
        name="reason"
        id="return-reason"
        required
        maxLength={500}
        defaultValue={state.values?.reason}
        errors={state.fieldErrors?.reason}
      />
      <SubmitButton pendingText="Sending…">Request return</SubmitButton>
    </form>
  );
}
