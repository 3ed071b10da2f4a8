"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import { type VariantFieldValues, VariantFields } from "./variant-fields";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Null: the form adds a variant. */
  variantId: string | null;
  options: { name: string; values: string[] }[];
  initial: VariantFieldValues & { optionValues: string[] };
  currency: string;
  submitLabel: string;
};

/** Adds or edits one variant: its value of each option, SKU, prices, limit and weight. Stock has its own form. */
export function VariantForm({ action, variantId, options, initial, currency, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const typed = state.values;
  const prefix = variantId ?? "new-variant";
  const value = (name: keyof VariantFieldValues) => typed?.[name] ?? initial[name];
  const errors = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <CsrfField />
      <input type="hidden" name="variantId" value={variantId ?? ""} />
      <FormMessage state={state} />
      {options.map((option, index) => {
        const name = `option${index + 1}`;
        return (
          <SelectField
            key={option.name}
            id={`${prefix}-${name}`}
            label={option.name}
            name={name}
            required
            placeholder={`Choose a ${option.name.toLowerCase()}`}
            options={option.values.map((optionValue) => ({ value: optionValue, label: optionValue }))}
            defaultValue={typed?.[name] ?? initial.optionValues[index] ?? ""}
            errors={errors(name)}
          />
        );
      })}
      <VariantFields idPrefix={prefix} currency={currency} value={value} errors={errors} />
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
