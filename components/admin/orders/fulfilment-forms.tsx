"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { markDeliveredAction, packOrderAction, shipOrderAction } from "@/lib/actions/admin/orders/fulfilment-actions";
import { CARRIER_IDS, CARRIERS } from "@/lib/orders/carriers";

const carrierOptions = CARRIER_IDS.map((code) => ({ value: code, label: CARRIERS[code].name }));

/** Shipping needs the carrier and the parcel's tracking number; the customer gets both by mail. */
export function ShipOrderForm({ orderId }: { orderId: string }) {
  const [state, formAction] = useActionState(shipOrderAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2" aria-label="Ship the order">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <SelectField
        label="Carrier"
        name="carrier"
        id="ship-carrier"
        options={carrierOptions}
        placeholder="Choose a carrier"
        required
        defaultValue={state.values?.carrier ?? ""}
        errors={state.fieldErrors?.carrier}
      />
      <TextField
        label="Tracking number"
        name="trackingNumber"
        id="ship-tracking"
        required
        maxLength={40}
        autoComplete="off"
        defaultValue={state.values?.trackingNumber}
        errors={state.fieldErrors?.trackingNumber}
      />
      <SubmitButton pendingText="Saving…">Mark as shipped</SubmitButton>
    </form>
  );
}

/** One-button steps (packed, delivered): the order id is all they take. */
function StepForm({ orderId, action, label }: { orderId: string; action: typeof packOrderAction; label: string }) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton pendingText="Saving…">{label}</SubmitButton>
    </form>
  );
}

export function PackOrderForm({ orderId }: { orderId: string }) {
  return <StepForm orderId={orderId} action={packOrderAction} label="Mark as packed" />;
}

export function MarkDeliveredForm({ orderId }: { orderId: string }) {
  return <StepForm orderId={orderId} action={markDeliveredAction} label="Mark as delivered" />;
}
