import { PostalAddress } from "@/components/postal-address";
import type { StaffCustomerAddressDTO } from "@/lib/dal/customers/dto";

export function CustomerAddresses({ addresses }: { addresses: StaffCustomerAddressDTO[] }) {
  return (
    <section aria-labelledby="addresses-heading" className="flex flex-col gap-2">
      <h2 id="addresses-heading" className="text-lg font-semibold">
        Addresses
      </h2>
      {addresses.length === 0 ? (
        <p>No saved addresses.</p>
      ) : (
        <ul aria-label="Customer addresses" className="flex flex-col gap-3">
          {addresses.map((address) => (
            <li key={address.id} className="rounded border border-neutral-200 p-3">
              <PostalAddress
                address={address}
                badge={address.isDefault && <span className="ml-2 rounded bg-success-100 px-2 text-sm text-success-900">Default</span>}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
