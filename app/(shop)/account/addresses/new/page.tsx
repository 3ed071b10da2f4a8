import type { Metadata } from "next";
import { AddressForm } from "@/components/account/address-form";
import { countryOptions } from "@/lib/addresses/countries";
import { requireSession } from "@/lib/guards/current-session";

export const metadata: Metadata = { title: "Add an address" };

export default async function NewAddressPage() {
  await requireSession("/account/addresses/new");
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Add an address</h1>
      <AddressForm countries={countryOptions} />
    </div>
  );
}
