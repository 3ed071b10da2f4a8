"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { EmailField } from "@/components/forms/email-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { inviteStaffAction } from "@/lib/actions/admin/staff/invite-staff";
import { type RoleOption, RoleSelect } from "./role-select";

/** Email, name and role; nothing else is read by the action. The invitee sets their own password from the mail. */
export function InviteStaffForm({ roles }: { roles: readonly RoleOption[] }) {
  const [state, formAction] = useActionState(inviteStaffAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <EmailField defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <TextField label="Name" name="name" autoComplete="off" required maxLength={100} defaultValue={state.values?.name} errors={state.fieldErrors?.name} />
      <RoleSelect id="invite-role" label="Role" roles={roles} defaultValue={state.values?.role} errors={state.fieldErrors?.role} />
      <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
