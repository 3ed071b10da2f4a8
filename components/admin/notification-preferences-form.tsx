"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { setNotificationPreferencesAction } from "@/lib/actions/admin/notifications/set-notification-preferences";

/** The viewer's own mail preferences. */
export function NotificationPreferencesForm({ newOrders }: { newOrders: boolean }) {
  const [state, formAction] = useActionState(setNotificationPreferencesAction, initialActionState);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <CsrfField />
      <FormMessage state={state} />
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="newOrders" defaultChecked={newOrders} className="size-5" />
        Mail me when an order is paid
      </label>
      <SubmitButton pendingText="Saving…">Save notifications</SubmitButton>
    </form>
  );
}
