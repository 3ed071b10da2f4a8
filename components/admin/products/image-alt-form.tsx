"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import { MAX_IMAGE_ALT_LENGTH } from "@/lib/images/gallery-limits";
import { ImageAltField } from "./image-alt-field";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; imageId: string; alt: string; label: string };

/** Edits one gallery image's alt text; a refused edit keeps what was typed. */
export function ImageAltForm({ action, imageId, alt, label }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} aria-label={`Alt text of ${label}`} className="flex flex-col gap-2" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <input type="hidden" name="imageId" value={imageId} />
      <ImageAltField id={`alt-${imageId}`} defaultValue={state.values?.alt ?? alt} errors={state.fieldErrors?.alt} maxLength={MAX_IMAGE_ALT_LENGTH} withHint={false} />
      <div>
        <SubmitButton pendingText="Saving…">Save alt text</SubmitButton>
      </div>
    </form>
  );
}
