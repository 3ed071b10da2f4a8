"use client";

import { useActionState, useState } from "react";
import { AddressFields, DEFAULT_COUNTRY } from "@/components/account/address-fields";
import { BotChallengeField } from "@/components/forms/bot-challenge-field";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { choiceClass, DeliveryAndTotals, quoteOf } from "./delivery-and-totals";
import { initialActionState } from "@/lib/actions/action-state";
import { placeOrderAction } from "@/lib/actions/checkout/place-order";
import type { CustomerCheckoutSummaryDTO } from "@/lib/dal/orders/checkout";

type Props = { summary: CustomerCheckoutSummaryDTO; countries: readonly { code: string; name: string }[]; challengeRequired?: boolean };

/**
 * The checkout: address, delivery, totals. The totals shown per delivery
 * option were computed on the server; the order itself is priced again on the
 * server when it is placed, from the database, whatever this form sends.
 */
export function CheckoutForm({ summary, countries, challengeRequired = false }: Props) {
  const [state, formAction] = useActionState(placeOrderAction, initialActionState);
  const defaultAddress = summary.addresses.find((address) => address.isDefault) ?? summary.addresses[0];
  const [addressChoice, setAddressChoice] = useState(state.values?.addressChoice ?? defaultAddress?.id ?? "new");
  const [rateId, setRateId] = useState(state.values?.shippingRateId ?? "");
  const [country, setCountry] = useState(state.values?.country || DEFAULT_COUNTRY);
  const quote = quoteOf(summary, addressChoice === "new" ? { country } : { addressId: addressChoice });
  const value = (name: string) => state.values?.[name] ?? "";
  const errors = (name: string) => state.fieldErrors?.[name];

  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-semibold">Shipping address</legend>
        {errors("addressChoice") && (
          <p id="addressChoice-error" className="text-sm text-danger-800">
            {errors("addressChoice")?.join(" ")}
          </p>
        )}
        {summary.addresses.map((address) => (
          <label key={address.id} className={choiceClass}>
            <input
              type="radio"
              name="addressChoice"
              value={address.id}
              checked={addressChoice === address.id}
              onChange={() => setAddressChoice(address.id)}
              className="mt-1 size-5"
            />
            <span>
              <strong>{address.recipientName}</strong>, {address.line1}
              {address.line2 ? `, ${address.line2}` : ""}, {address.city} {address.postalCode}, {address.country}
            </span>
          </label>
        ))}
        <label className={choiceClass}>
          <input
            type="radio"
            name="addressChoice"
            value="new"
            checked={addressChoice === "new"}
            onChange={() => setAddressChoice("new")}
            className="mt-1 size-5"
          />
          <span>{summary.addresses.length ? "A new address" : "Enter your address"}</span>
        </label>
        {addressChoice === "new" && (
          <div className="flex flex-col gap-4 rounded border border-neutral-200 p-4">
            <AddressFields value={value} errors={errors} countries={countries} onCountryChange={setCountry} />
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="saveAddress" defaultChecked={state.values ? value("saveAddress") === "on" : true} className="size-5" />
              Save this address to my address book
            </label>
          </div>
        )}
      </fieldset>

      <DeliveryAndTotals summary={summary} quote={quote} rateId={rateId} onRateChange={setRateId} />
      <p className="text-sm text-neutral-700">
        You pay on our payment provider&apos;s secure page. Your card details never reach this shop.
      </p>
      {(challengeRequired || state.fieldErrors?.altcha) && <BotChallengeField errors={state.fieldErrors?.altcha} resetOn={state} />}
      <SubmitButton pendingText="Reserving your items…">Continue to payment</SubmitButton>
    </form>
  );
}
