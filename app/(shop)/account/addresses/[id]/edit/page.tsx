import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddressForm } from "@/components/account/address-form";
import { countryOptions } from "@/lib/addresses/countries";
import { requireSession } from "@/lib/guards/current-session";
import { getMyAddress } from "@/lib/dal/accounts/addresses";

export const metadata: Metadata = { title: "Edit address" };

type Props = { params: Promise<{ id: string }> };

/** Another customer's address id answers 404, exactly like an id that never existed. */
export default async function EditAddressPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireSession(`/account/addresses`);
  const address = id.length <= 40 ? await getMyAddress(viewer, id) : null;
  if (!address) notFound();
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Edit address</h1>
      <AddressForm address={address} countries={countryOptions} />
    </div>
  );
}
