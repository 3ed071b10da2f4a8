"use client";

import Link from "next/link";
import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { PostalAddress } from "@/components/postal-address";
import { initialActionState } from "@/lib/actions/action-state";
import { manageAddressAction } from "@/lib/actions/addresses/manage-address";
import type { CustomerAddressDTO } from "@/lib/dal/accounts/addresses";

const buttonClass = "inline-flex min-h-11 items-center rounded border border-neutral-400 px-3 hover:bg-neutral-50";

export function AddressList({ addresses, countryNames }: { addresses: CustomerAddressDTO[]; countryNames: Record<string, string> }) {
  const [state, manage] = useActionState(manageAddressAction, initialActionState);
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={state} />
      <ul aria-label="Saved addresses" className="flex flex-col gap-3">
        {addresses.map((address) => (
          <li key={address.id} className="flex flex-col gap-2 rounded border border-neutral-200 p-3">
            <PostalAddress
              address={address}
              countryName={countryNames[address.country]}
              badge={address.isDefault && <span className="ml-2 rounded bg-success-100 px-2 text-sm text-success-900">Default</span>}
            />
            <form action={manage} className="flex flex-wrap gap-2">
              <CsrfField />
              <input type="hidden" name="id" value={address.id} />
              <Link href={`/account/addresses/${address.id}/edit`} className={buttonClass}>
                Edit
              </Link>
              {!address.isDefault && (
                <button type="submit" name="intent" value="default" className={buttonClass}>
                  Make default
                </button>
              )}
              <button type="submit" name="intent" value="delete" className={buttonClass}>
                Delete
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
