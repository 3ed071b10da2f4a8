"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { changeStaffRoleAction } from "@/lib/actions/admin/staff/change-staff-role";
import { type RoleOption, RoleSelect } from "./role-select";

export function ChangeRoleForm({ member, roles }: { member: { id: string; name: string; role: string }; roles: readonly RoleOption[] }) {
  const [state, formAction] = useActionState(changeStaffRoleAction, initialActionState);
  const message = state.fieldErrors?.userId ? { status: "error" as const, message: state.fieldErrors.userId.join(" ") } : state;
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CsrfField />
      <FormMessage state={message} />
      <input type="hidden" name="userId" value={member.id} />
      <RoleSelect id={`role-${member.id}`} label={`Role of ${member.name}`} roles={roles} defaultValue={member.role} errors={state.fieldErrors?.role} />
      <SubmitButton pendingText="Saving…">Change role</SubmitButton>
    </form>
  );
}
