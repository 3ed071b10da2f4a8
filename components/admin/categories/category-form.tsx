"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

/** The form's fields as text, as the page loads them (empty meta fields: the defaults serve). */
export type CategoryFormValues = { name: string; slug: string; description: string; metaTitle: string; metaDescription: string };

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; initial: CategoryFormValues; submitLabel: string };

/** Creates or edits a category's own fields; its place and archiving have their own forms. Keeps what was typed after a refusal. */
export function CategoryForm({ action, initial, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const value = (name: keyof CategoryFormValues) => state.values?.[name] ?? initial[name];
  const errors = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <TextField label="Name" name="name" required maxLength={80} defaultValue={value("name")} errors={errors("name")} />
      <TextField
        label="Slug"
        name="slug"
        required
        maxLength={80}
        autoCapitalize="none"
        spellCheck={false}
        hint="The category's web address: lower-case letters, digits and hyphens, e.g. home-office. Changing it breaks old links."
        defaultValue={value("slug")}
        errors={errors("slug")}
      />
      <TextareaField label="Description" name="description" required maxLength={500} rows={3} defaultValue={value("description")} errors={errors("description")} />
      <TextField label="Meta title (optional)" name="metaTitle" maxLength={70} hint="The title search engines show; empty: the name." defaultValue={value("metaTitle")} errors={errors("metaTitle")} />
      <TextField
        label="Meta description (optional)"
        name="metaDescription"
        maxLength={160}
        hint="The text under the title in search results; empty: the description."
        defaultValue={value("metaDescription")}
        errors={errors("metaDescription")}
      />
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
