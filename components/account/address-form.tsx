"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { AddressFields } from "./address-fields";
import { initialActionState } from "@/lib/actions/action-state";
import { saveAddressAction } from "@/lib/actions/addresses/save-address";
import type { CustomerAddressDTO } from "@/lib/dal/accounts/addresses";

type Props = { address?: CustomerAddressDTO; countries: readonly { code: string; name: string }[] };

export function AddressForm({ address, countries }: Props) {
  const [state, formAction] = useActionState(saveAddressAction, initialActionState);
  const value = (name: keyof CustomerAddressDTO) => state.values?.[name] ?? String(address?.[name] ?? "");
  const errors = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      {address && <input type="hidden" name="id" value={address.id} />}
      <AddressFields value={value} errors={errors} countries={countries} />
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="isDefault" defaultChecked={address?.isDefault} className="size-5" />
        Use as my default address
      </label>
      <SubmitButton pendingText="Saving…">Save address</SubmitButton>
    </form>
  );
}
