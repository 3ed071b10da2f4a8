"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { saveAddressAction } from "@/lib/actions/addresses/save-address";
import type { AccountAddressDTO } from "@/lib/dal/addresses";

type Props = { address?: AccountAddressDTO; countries: readonly { code: string; name: string }[] };

export function AddressForm({ address, countries }: Props) {
  const [state, formAction] = useActionState(saveAddressAction, initialActionState);
  const value = (name: keyof AccountAddressDTO) => state.values?.[name] ?? String(address?.[name] ?? "");
  const errors = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {address && <input type="hidden" name="id" value={address.id} />}
      <TextField label="Full name" name="recipientName" autoComplete="name" required maxLength={100} defaultValue={value("recipientName")} errors={errors("recipientName")} />
      <TextField label="Street address" name="line1" autoComplete="address-line1" required maxLength={200} defaultValue={value("line1")} errors={errors("line1")} />
      <TextField label="Apartment, suite, etc. (optional)" name="line2" autoComplete="address-line2" maxLength={200} defaultValue={value("line2")} errors={errors("line2")} />
      <TextField label="Town or city" name="city" autoComplete="address-level2" required maxLength={100} defaultValue={value("city")} errors={errors("city")} />
      <TextField label="State, province or region (optional)" name="region" autoComplete="address-level1" maxLength={100} defaultValue={value("region")} errors={errors("region")} />
      <TextField label="Postal code" name="postalCode" autoComplete="postal-code" required maxLength={12} defaultValue={value("postalCode")} errors={errors("postalCode")} />
      <div className="flex flex-col gap-1">
        <label htmlFor="country" className="font-medium">
          Country
        </label>
        <select
          id="country"
          name="country"
          autoComplete="country"
          defaultValue={value("country") || "US"}
          aria-invalid={errors("country") ? true : undefined}
          aria-describedby={errors("country") ? "country-error" : undefined}
          className="min-h-11 rounded border border-slate-400 px-3 text-base"
        >
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        {errors("country") && (
          <p id="country-error" className="text-sm text-red-800">
            {errors("country")?.join(" ")}
          </p>
        )}
      </div>
      <TextField label="Phone (optional)" name="phone" type="tel" autoComplete="tel" maxLength={25} defaultValue={value("phone")} errors={errors("phone")} />
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="isDefault" defaultChecked={address?.isDefault} className="size-5" />
        Use as my default address
      </label>
      <SubmitButton pendingText="Saving…">Save address</SubmitButton>
    </form>
  );
}
