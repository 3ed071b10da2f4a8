"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { type VariantFieldValues, VariantFields } from "./variant-fields";

/** The form's fields as text, as the page loads them (price as "24.99"). */
export type ProductFormValues = {
  name: string;
  slug: string;
  description: string;
  categoryId: string;
  featured: boolean;
  metaTitle: string;
  metaDescription: string;
};

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  categories: readonly { id: string; name: string }[];
  initial: ProductFormValues;
  /** A new product's form also takes its first variant (SKU, price, limit, weight). */
  firstVariant?: { currency: string; initial: VariantFieldValues };
  submitLabel: string;
};

/**
 * Creates or edits a product's own fields. Variants, stock, publishing and
 * the image have their own forms; this one has no input for them and the
 * server reads none. After a refusal it shows what was typed, with each error linked.
 */
export function ProductForm({ action, categories, initial, firstVariant, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const typed = state.values;
  const value = (name: Exclude<keyof ProductFormValues, "featured">) => typed?.[name] ?? initial[name];
  const errors = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <TextField label="Name" name="name" required maxLength={120} defaultValue={value("name")} errors={errors("name")} />
      <TextField
        label="Slug"
        name="slug"
        required
        maxLength={120}
        autoCapitalize="none"
        spellCheck={false}
        hint="The product's web address: lower-case letters, digits and hyphens, e.g. desk-lamp."
        defaultValue={value("slug")}
        errors={errors("slug")}
      />
      <TextareaField label="Description" name="description" required maxLength={4000} rows={6} defaultValue={value("description")} errors={errors("description")} />
      <SelectField
        label="Category"
        name="categoryId"
        required
        placeholder="Choose a category"
        options={categories.map((category) => ({ value: category.id, label: category.name }))}
        defaultValue={value("categoryId")}
        errors={errors("categoryId")}
      />
      {firstVariant && (
        <VariantFields
          idPrefix="first-variant"
          currency={firstVariant.currency}
          value={(name) => typed?.[name] ?? firstVariant.initial[name]}
          errors={errors}
        />
      )}
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="featured" defaultChecked={typed ? typed.featured === "on" : initial.featured} className="size-5" />
        Feature on the home page
      </label>
      <TextField label="Meta title (optional)" name="metaTitle" maxLength={70} hint="The title search engines show; empty: the name." defaultValue={value("metaTitle")} errors={errors("metaTitle")} />
      <TextField
        label="Meta description (optional)"
        name="metaDescription"
        maxLength={160}
        hint="The text under the title in search results; empty: the start of the description."
        defaultValue={value("metaDescription")}
        errors={errors("metaDescription")}
      />
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
