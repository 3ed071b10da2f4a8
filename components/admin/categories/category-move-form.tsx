"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; name: string; first: boolean; last: boolean };

const buttonClass = "min-h-11 min-w-11 rounded border border-neutral-400 px-3 hover:bg-neutral-50 disabled:opacity-40";

/** Up and down buttons for one category's place in the navigation. */
export function CategoryMoveForm({ action, name, first, last }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <CsrfField />
      <button type="submit" name="direction" value="up" disabled={first} aria-label={`Move ${name} up`} className={buttonClass}>
        ↑
      </button>
      <button type="submit" name="direction" value="down" disabled={last} aria-label={`Move ${name} down`} className={buttonClass}>
        ↓
      </button>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
