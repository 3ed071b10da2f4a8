import type { Metadata } from "next";
import { InviteStaffForm } from "@/components/admin/staff/invite-staff-form";
import { StaffList } from "@/components/admin/staff/staff-list";
import { can, canAssignRole, ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/permissions";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { listStaff } from "@/lib/dal/staff/accounts";

export const metadata: Metadata = { title: "Staff" };

export default async function AdminStaffPage() {
  const viewer = await requireStaffPermission("staff:read", { returnTo: "/admin/staff" });
  const members = await listStaff(viewer);
  const canManage = can(viewer.role, "staff:manage");
  // The roles offered in the forms; which member gets which form is the DTO's `actions`, and the DAL checks again.
  const roles = canManage ? STAFF_ROLES.filter((role) => canAssignRole(viewer.role, role)).map((role) => ({ value: role, label: ROLE_LABELS[role] })) : [];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Staff</h1>
      <StaffList members={members} viewerId={viewer.userId} roles={roles} />
      {canManage && (
        <section aria-labelledby="invite-heading" className="flex max-w-xl flex-col gap-3">
          <h2 id="invite-heading" className="text-lg font-semibold">
            Invite a staff member
          </h2>
          <p className="text-sm text-neutral-700">
            They receive a single-use link to set a password, and must set up two-factor authentication at their first sign-in.
          </p>
          <InviteStaffForm roles={roles} />
        </section>
      )}
    </div>
  );
}
