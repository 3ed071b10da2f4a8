import type { StaffCustomerDTO } from "@/lib/dal/customers/dto";
import { formatDate } from "@/lib/config/formats";

export function CustomerProfile({ customer }: { customer: StaffCustomerDTO }) {
  const rows: [string, string][] = [
    ["Email", `${customer.email}${customer.emailVerified ? "" : " (not confirmed)"}`],
    ["Phone", customer.phone ?? "—"],
    ["Orders", String(customer.orderCount)],
    ["Joined", formatDate(customer.joinedAt)],
  ];
  if (customer.reportedCompromisedAt) {
    rows.push(["Sign-in", `Reported compromised on ${formatDate(customer.reportedCompromisedAt)}: locked until the customer resets the password`]);
  }
  return (
    <section aria-labelledby="profile-heading" className="flex flex-col gap-2">
      <h2 id="profile-heading" className="text-lg font-semibold">
        Profile
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium">{term}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
