"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { initialActionState } from "@/lib/actions/action-state";
import { deactivateStaffAction } from "@/lib/actions/admin/staff/deactivate-staff";

/**
 * Deactivation cannot be undone from the admin, so the button sits behind a
 * disclosure: one deliberate step to open, one to confirm, no script needed.
 */
export function DeactivateStaffForm({ member }: { member: { id: string; name: string } }) {
  const [state, formAction] = useActionState(deactivateStaffAction, initialActionState);
  const message = state.fieldErrors?.userId ? { status: "error" as const, message: state.fieldErrors.userId.join(" ") } : state;
  return (
    <details className="rounded border border-danger-200 px-3" open={state.status === "error" || undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center font-medium text-danger-800">Deactivate…</summary>
      <form action={formAction} className="flex flex-col gap-2 pb-3">
        <CsrfField />
        <FormMessage state={message} />
        <p>{member.name} will be signed out everywhere and can no longer sign in. Their history stays in the audit log.</p>
        <input type="hidden" name="userId" value={member.id} />
        <button type="submit" className="min-h-11 rounded bg-danger-700 px-4 font-medium text-white hover:bg-danger-800">
          Deactivate {member.name}
        </button>
      </form>
    </details>
  );
}
