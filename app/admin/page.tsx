import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/require-staff";

export const metadata: Metadata = { title: "Admin" };

/** The staff area. Its tools (catalog, orders, customers, audit log) arrive with the staff admin. */
export default async function AdminPage() {
  const viewer = await requireStaff();
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">Staff admin</h1>
      <p>Signed in as {viewer.user.name}, with two-factor authentication.</p>
    </div>
  );
}
