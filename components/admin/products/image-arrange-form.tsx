"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Props = { move: Action; remove: Action; imageId: string; label: string; first: boolean; last: boolean };

const button = "min-h-11 rounded border border-neutral-400 px-3 font-medium hover:bg-neutral-100 disabled:opacity-50";

/**
 * Moves one gallery image earlier or later, or deletes it. Plain forms with
 * submit buttons, so they work before the page's script has loaded; each
 * button's name ends with the image it acts on, for screen readers.
 */
export function ImageArrangeForm({ move, remove, imageId, label, first, last }: Props) {
  const [moved, moveAction, moving] = useActionState(move, initialActionState);
  const [removed, removeAction, removing] = useActionState(remove, initialActionState);
  return (
    <div className="flex flex-col gap-2">
      <FormMessage state={moved} />
      <FormMessage state={removed} />
      <div className="flex flex-wrap gap-2">
        <form action={moveAction} className="flex gap-2">
          <CsrfField />
          <input type="hidden" name="imageId" value={imageId} />
          <button type="submit" name="direction" value="up" disabled={first || moving} className={button}>
            Move up<span className="sr-only">{` ${label}`}</span>
          </button>
          <button type="submit" name="direction" value="down" disabled={last || moving} className={button}>
            Move down<span className="sr-only">{` ${label}`}</span>
          </button>
        </form>
        <form action={removeAction}>
          <CsrfField />
          <input type="hidden" name="imageId" value={imageId} />
          <button type="submit" disabled={removing} className={`${button} text-danger-800`}>
            Delete<span className="sr-only">{` ${label}`}</span>
          </button>
        </form>
      </div>
    </div>
  );
}
