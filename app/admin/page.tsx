import type { Metadata } from "next";
import { requireStaffPermission } from "@/lib/auth/staff-guard";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminDashboardPage({ searchParams }: Props) {
  const viewer = await requireStaffPermission("dashboard:read");
  const denied = (await searchParams).denied;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Staff admin</h1>
      {typeof denied === "string" && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          Your role does not allow that ({denied.slice(0, 40)}). The attempt was recorded.
        </p>
      )}
      <p>Signed in as {viewer.name}, with two-factor authentication.</p>
    </div>
  );
}
