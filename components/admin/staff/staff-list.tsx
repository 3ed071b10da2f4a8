import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { StaffMemberDTO } from "@/lib/dal/staff/accounts";
import { ChangeRoleForm } from "./change-role-form";
import { DeactivateStaffForm } from "./deactivate-staff-form";
import type { RoleOption } from "./role-select";

type Props = {
  /** Each member carries what the viewer may do to them (`actions`), decided by the DAL. */
  members: StaffMemberDTO[];
  viewerId: string;
  /** Roles the viewer may give; empty without staff:manage. */
  roles: readonly RoleOption[];
};

const badge = (on: boolean) => `rounded px-2 text-sm ${on ? "bg-success-100 text-success-900" : "bg-neutral-200 text-neutral-900"}`;

export function StaffList({ members, viewerId, roles }: Props) {
  return (
    <ul aria-label="Staff members" className="flex flex-col gap-3">
      {members.map((member) => {
        return (
          <li key={member.id} className="flex flex-col gap-3 rounded border border-neutral-200 p-3 md:flex-row md:justify-between">
            <div className="flex flex-col gap-1">
              <p>
                <strong>{member.name}</strong>
                {member.id === viewerId && <span className="ml-2 text-sm text-neutral-700">(you)</span>}
              </p>
              <p className="break-all">{member.email}</p>
              <p className="flex flex-wrap gap-2">
                <span className="rounded bg-neutral-100 px-2 text-sm">{ROLE_LABELS[member.role]}</span>
                <span className={badge(member.twoFactor)}>Two-factor {member.twoFactor ? "on" : "off"}</span>
                <span className={badge(member.active)}>{member.active ? "Active" : "Deactivated"}</span>
              </p>
            </div>
            {(member.actions.changeRole || member.actions.deactivate) && (
              <div className="flex flex-col gap-2 md:w-72">
                {member.actions.changeRole && <ChangeRoleForm member={member} roles={roles} />}
                {member.actions.deactivate && <DeactivateStaffForm member={member} />}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
