"use client";

import { useActionState, useState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import { MAX_IMAGE_ALT_LENGTH } from "@/lib/images/gallery-limits";
import { ACCEPTED_IMAGE_LABEL, MAX_IMAGE_EDGE, MAX_IMAGE_UPLOAD_BYTES, MAX_IMAGE_UPLOAD_LABEL } from "@/lib/images/image-limits";
import { ImageAltField } from "./image-alt-field";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState> };

const tooLarge = `The image is larger than ${MAX_IMAGE_UPLOAD_LABEL}. Choose a smaller file.`;

/**
 * Adds an image, with its alt text, to the product's gallery. The size check
 * here only spares a long upload (and a body the server would refuse
 * outright); the server checks size, content and alt text itself. `accept`
 * only filters the file picker. A refused upload keeps the alt text typed.
 */
export function ImageUploadForm({ action }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const [clientError, setClientError] = useState<string | null>(null);
  const errors = clientError ? [clientError] : state.fieldErrors?.image;
  return (
    <form
      action={formAction}
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        const file = new FormData(event.currentTarget).get("image");
        const size = file instanceof File ? file.size : 0;
        setClientError(size > MAX_IMAGE_UPLOAD_BYTES ? tooLarge : null);
        if (size > MAX_IMAGE_UPLOAD_BYTES) event.preventDefault();
      }}
    >
      <CsrfField />
      <FormMessage state={state} />
      <div className="flex flex-col gap-1">
        <label htmlFor="image" className="font-medium">
          New image
        </label>
        <p id="image-hint" className="text-sm text-neutral-700">
          {ACCEPTED_IMAGE_LABEL}, at most {MAX_IMAGE_UPLOAD_LABEL}. It is re-encoded and scaled to fit {MAX_IMAGE_EDGE} × {MAX_IMAGE_EDGE} pixels.
        </p>
        <input
          id="image"
          name="image"
          type="file"
          required
          accept="image/png,image/jpeg,image/webp"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? "image-hint image-error" : "image-hint"}
          className="min-h-11 rounded border border-neutral-400 px-3 py-2 text-base file:mr-3 file:min-h-9 file:rounded file:border-0 file:bg-neutral-100 file:px-3"
        />
        {errors?.length ? (
          <p id="image-error" className="text-sm text-danger-800">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
      <ImageAltField id="new-image-alt" defaultValue={state.values?.alt ?? ""} errors={state.fieldErrors?.alt} maxLength={MAX_IMAGE_ALT_LENGTH} />
      <SubmitButton pendingText="Uploading…">Upload image</SubmitButton>
    </form>
  );
}
