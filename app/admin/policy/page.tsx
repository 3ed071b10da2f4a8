import type { Metadata } from "next";
import { AcceptPolicyForm } from "@/components/admin/accept-policy-form";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { POLICY_SECTIONS, POLICY_VERSION } from "@/lib/staff/data-handling-policy";

export const metadata: Metadata = { title: "Data-handling policy" };

export default async function PolicyPage() {
  const viewer = await requireStaffPermission("dashboard:read", { skipPolicy: true, returnTo: "/admin/policy" });
  return (
    <article className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Data-handling policy</h1>
      <p className="text-sm text-neutral-700">Version {POLICY_VERSION}</p>
      {POLICY_SECTIONS.map((section) => (
        <section key={section.heading}>
          <h2 className="font-semibold">{section.heading}</h2>
          <p>{section.body}</p>
        </section>
      ))}
      {viewer.policyAccepted ? (
        <p role="status">You accepted this version.</p>
      ) : (
        <>
          <p className="font-medium">Before you can use the admin, accept the current version of this policy.</p>
          <AcceptPolicyForm version={POLICY_VERSION} />
        </>
      )}
    </article>
  );
}
