"use client";

import { useActionState, useState } from "react";
import { AddressFields, DEFAULT_COUNTRY } from "@/components/account/address-fields";
import { BotChallengeField } from "@/components/forms/bot-challenge-field";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { placeGuestOrderAction } from "@/lib/actions/checkout/place-guest-order";
import type { CustomerCheckoutSummaryDTO } from "@/lib/dal/orders/checkout";
import { DeliveryAndTotals, quoteOf } from "./delivery-and-totals";

type Props = { summary: CustomerCheckoutSummaryDTO; countries: readonly { code: string; name: string }[]; challengeRequired?: boolean };

/** Checkout without an account: an email for the confirmation, the shipping address, the delivery. */
export function GuestCheckoutForm({ summary, countries, challengeRequired = false }: Props) {
  const [state, formAction] = useActionState(placeGuestOrderAction, initialActionState);
  const [rateId, setRateId] = useState(state.values?.shippingRateId ?? "");
  const [country, setCountry] = useState(state.values?.country || DEFAULT_COUNTRY);
  const value = (name: string) => state.values?.[name] ?? "";
  const errors = (name: string) => state.fieldErrors?.[name];

  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-semibold">Contact</legend>
        <TextField label="Email" name="email" type="email" autoComplete="email" required maxLength={254} defaultValue={value("email")} errors={errors("email")} />
        <p className="text-sm text-neutral-700">We send your order confirmation there, with a private link to follow your order.</p>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">Shipping address</legend>
        <AddressFields value={value} errors={errors} countries={countries} onCountryChange={setCountry} />
      </fieldset>
      <DeliveryAndTotals summary={summary} quote={quoteOf(summary, { country })} rateId={rateId} onRateChange={setRateId} />
      <p className="text-sm text-neutral-700">
        You pay on our payment provider&apos;s secure page. Your card details never reach this shop.
      </p>
      {(challengeRequired || state.fieldErrors?.altcha) && <BotChallengeField errors={state.fieldErrors?.altcha} resetOn={state} />}
      <SubmitButton pendingText="Reserving your items…">Continue to payment</SubmitButton>
    </form>
  );
}
