"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextareaField } from "@/components/forms/textarea-field";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

/** A field of an incident tool's form besides the reason, which every tool asks for. */
export type IncidentField =
  | { kind: "select"; name: string; label: string; options: readonly { value: string; label: string }[] }
  | { kind: "textarea"; name: string; label: string; hint?: string };

type Props = {
  /** Keeps field ids unique when several tools share the page. */
  tool: string;
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  fields: readonly IncidentField[];
  submit: string;
  /** Fixed values the page decides (which way a switch goes). */
  hidden?: Record<string, string>;
};

/**
 * One incident tool's form: its fields, the reason (recorded in the audit
 * log), the outcome; what was typed is kept when the server refuses it.
 */
export function IncidentToolForm({ tool, action, fields, submit, hidden = {} }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const id = (name: string) => `${tool}-${name}`;
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-label={submit}>
      <CsrfField />
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) =>
        field.kind === "select" ? (
          <SelectField key={field.name} id={id(field.name)} label={field.label} name={field.name} options={field.options} defaultValue={state.values?.[field.name]} errors={state.fieldErrors?.[field.name]} />
        ) : (
          <TextareaField key={field.name} id={id(field.name)} label={field.label} name={field.name} hint={field.hint} defaultValue={state.values?.[field.name]} errors={state.fieldErrors?.[field.name]} />
        ),
      )}
      <TextareaField
        id={id("reason")}
        label="Reason (recorded in the audit log)"
        name="reason"
        required
        minLength={10}
        maxLength={500}
        className="min-h-16 rounded border border-neutral-400 px-3 py-2 text-base aria-[invalid=true]:border-danger-700"
        defaultValue={state.values?.reason}
        errors={state.fieldErrors?.reason}
      />
      <SubmitButton pendingText="Working…">{submit}</SubmitButton>
    </form>
  );
}
