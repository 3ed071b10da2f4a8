import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { StaffMemberDTO } from "@/lib/dal/staff/accounts";
import { ChangeRoleForm } from "./change-role-form";
import { DeactivateStaffForm } from "./deactivate-staff-form";
import type { RoleOption } from "./role-select";

type Props = {
  members: StaffMemberDTO[];
  viewerId: string;
  /** Roles the viewer may give; empty without staff:manage. */
  roles: readonly RoleOption[];
  /** Whether the viewer may change this member (holds every permission of their role). */
  canChange: (member: StaffMemberDTO) => boolean;
};

const badge = (on: boolean) => `rounded px-2 text-sm ${on ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-900"}`;

export function StaffList({ members, viewerId, roles, canChange }: Props) {
  return (
    <ul aria-label="Staff members" className="flex flex-col gap-3">
      {members.map((member) => {
        const manageable = member.active && member.id !== viewerId && canChange(member);
        return (
          <li key={member.id} className="flex flex-col gap-3 rounded border border-slate-200 p-3 md:flex-row md:justify-between">
            <div className="flex flex-col gap-1">
              <p>
                <strong>{member.name}</strong>
                {member.id === viewerId && <span className="ml-2 text-sm text-slate-700">(you)</span>}
              </p>
              <p className="break-all">{member.email}</p>
              <p className="flex flex-wrap gap-2">
                <span className="rounded bg-slate-100 px-2 text-sm">{ROLE_LABELS[member.role]}</span>
                <span className={badge(member.twoFactor)}>Two-factor {member.twoFactor ? "on" : "off"}</span>
                <span className={badge(member.active)}>{member.active ? "Active" : "Deactivated"}</span>
              </p>
            </div>
            {manageable && roles.length > 0 && (
              <div className="flex flex-col gap-2 md:w-72">
                <ChangeRoleForm member={member} roles={roles} />
                <DeactivateStaffForm member={member} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
