import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CustomerAddresses } from "@/components/admin/customers/customer-addresses";
import { CustomerOrders } from "@/components/admin/customers/customer-orders";
import { CustomerProfile } from "@/components/admin/customers/customer-profile";
import { RevealStatus } from "@/components/admin/customers/reveal-status";
import { isCustomerId } from "@/lib/actions/admin/customers/customer-id";
import { can } from "@/lib/auth/permissions";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { getCustomerForStaff } from "@/lib/dal/customers/staff-customers";

// The name would be personal data in a tab title and the browser history.
export const metadata: Metadata = { title: "Customer" };

type Props = { params: Promise<{ id: string }> };

export default async function AdminCustomerPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireStaffPermission("customers:read", { returnTo: isCustomerId(id) ? `/admin/customers/${id}` : "/admin/customers" });
  const customer = isCustomerId(id) ? await getCustomerForStaff(viewer, id) : null;
  if (!customer) notFound();
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/admin/customers" className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
          ← All customers
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{customer.name}</h1>
      <RevealStatus customerId={customer.id} revealedUntil={customer.revealedUntil} canReveal={can(viewer.role, "customers:reveal_pii")} />
      <CustomerProfile customer={customer} />
      <CustomerAddresses addresses={customer.addresses} />
      <CustomerOrders orders={customer.recentOrders} total={customer.orderCount} />
    </div>
  );
}
