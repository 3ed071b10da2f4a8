import Link from "next/link";
import type { StaffCustomerSummaryDTO } from "@/lib/dal/customers/dto";
import { formatDate } from "@/lib/config/formats";

/**
 * The customer list: one card per customer on a phone, a table row from md
 * up. Values arrive masked from the DAL unless this viewer revealed them.
 */
export function CustomerTable({ customers }: { customers: StaffCustomerSummaryDTO[] }) {
  if (customers.length === 0) return <p>No customers found.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Customers</caption>
        <thead className="hidden md:table-header-group">
          <tr className="border-b border-neutral-300">
            <th scope="col" className="py-2 pr-3">Name</th>
            <th scope="col" className="py-2 pr-3">Email</th>
            <th scope="col" className="py-2 pr-3">Phone</th>
            <th scope="col" className="py-2 pr-3">Orders</th>
            <th scope="col" className="py-2">Joined</th>
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            <tr key={customer.id} className="flex flex-col border-b border-neutral-200 py-2 md:table-row">
              <th scope="row" className="pr-3 text-left font-medium md:py-2">
                <Link href={`/admin/customers/${customer.id}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
                  {customer.name}
                </Link>
              </th>
              <td className="pr-3 md:py-2">
                <span className="md:sr-only">Email: </span>
                {customer.email}
              </td>
              <td className="pr-3 md:py-2">
                <span className="md:sr-only">Phone: </span>
                {customer.phone ?? "—"}
              </td>
              <td className="pr-3 md:py-2">
                <span className="md:sr-only">Orders: </span>
                {customer.orderCount}
              </td>
              <td className="md:py-2">
                <span className="md:sr-only">Joined: </span>
                <time dateTime={customer.joinedAt.toISOString()}>{formatDate(customer.joinedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
