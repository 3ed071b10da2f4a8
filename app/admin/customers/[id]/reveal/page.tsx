import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { RevealForm } from "@/components/admin/customers/reveal-form";
import { isCustomerId } from "@/lib/actions/admin/customers/customer-id";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { getCustomerForStaff } from "@/lib/dal/customers/staff-customers";
import { REVEAL_REASON_LENGTH } from "@/lib/dal/customers/pii-reveals";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Reveal personal data" };

type Props = { params: Promise<{ id: string }> };

/**
 * The reveal request: permission first, then a fresh second factor (through
 * /account/confirm, which comes back here), then the reason is asked for.
 */
export default async function RevealCustomerPage({ params }: Props) {
  const { id } = await params;
  const page = `/admin/customers/${id}/reveal`;
  const viewer = await requireStaffPermission("customers:reveal_pii", { returnTo: isCustomerId(id) ? page : "/admin/customers" });
  const customer = isCustomerId(id) ? await getCustomerForStaff(viewer, id) : null;
  if (!customer) notFound();
  if (customer.revealedUntil) redirect(`/admin/customers/${id}`);
  requireRecentAuthentication(viewer, page);
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <p>
        <Link href={`/admin/customers/${id}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
          ← Back to the customer
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Reveal personal data of {customer.name}</h1>
      <p>
        You will see this customer&apos;s name, email, phone and addresses unmasked for {env.PII_REVEAL_MINUTES} minutes. Only you will; your
        reason is recorded in the audit log with your name, and the owners are alerted when many customers are revealed in a short time.
      </p>
      <RevealForm customerId={id} minLength={REVEAL_REASON_LENGTH.min} maxLength={REVEAL_REASON_LENGTH.max} />
    </div>
  );
}
