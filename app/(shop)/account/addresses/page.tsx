import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AddressList } from "@/components/account/address-list";
import { countryOptions } from "@/lib/addresses/countries";
import { requireSession } from "@/lib/guards/current-session";
import { listMyAddresses } from "@/lib/dal/accounts/addresses";
import { parseSearchParams, searchChoice } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Your addresses" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const addressesParamsSchema = z.object({ notice: searchChoice(["saved"]) });

export default async function AddressesPage({ searchParams }: Props) {
  const viewer = await requireSession("/account/addresses");
  const addresses = await listMyAddresses(viewer);
  const saved = parseSearchParams(addressesParamsSchema, await searchParams).notice === "saved";
  const countryNames = Object.fromEntries(countryOptions.map((country) => [country.code, country.name]));
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Your addresses</h1>
      {saved && (
        <p role="status" className="rounded border border-success-300 bg-success-50 px-3 py-2 text-success-900">
          Address saved.
        </p>
      )}
      {addresses.length ? <AddressList addresses={addresses} countryNames={countryNames} /> : <p>You have no saved addresses yet.</p>}
      <p>
        <Link href="/account/addresses/new" className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 font-medium text-white">
          Add an address
        </Link>
      </p>
    </div>
  );
}
