import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminHeader } from "@/components/admin/admin-header";
import { AdminNav } from "@/components/admin/admin-nav";
import { env } from "@/lib/env";
import { getCurrentSession } from "@/lib/guards/current-session";
import { isSecondFactorSession } from "@/lib/guards/staff-guard";
import { loadStaffViewer } from "@/lib/dal/staff/members";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin" }, robots: { index: false } };

/** The admin frame: its own header and navigation. It guards nothing itself: each page calls requireStaffPermission. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  const viewer = session ? await loadStaffViewer(session) : null;
  const showNav = session && viewer?.policyAccepted && isSecondFactorSession(session);
  return (
    <>
      <AdminHeader shopName={env.SHOP_NAME} />
      <main id="main" className="mx-auto grid w-full max-w-7xl flex-1 gap-6 px-4 py-6 sm:px-6 md:grid-cols-[13rem_1fr] print:block">
        <div className="print:hidden">{showNav && viewer ? <AdminNav role={viewer.role} name={viewer.name} /> : null}</div>
        <div className="min-w-0">{children}</div>
      </main>
    </>
  );
}
