"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { TextField } from "@/components/forms/text-field";
import { type BreachNoticeState, sendBreachNoticeAction } from "@/lib/actions/admin/incident/send-breach-notice";

const cohorts = [
  { value: "all_customers", label: "All customers" },
  { value: "customers_with_orders", label: "Customers with orders in a window (guests included)" },
  { value: "list", label: "These addresses" },
] as const;

const button = "min-h-11 rounded px-4 font-medium";

/** The breach notice: template (with a preview as one recipient reads it), cohort, reason; sent through the job queue. */
export function BreachNoticeForm() {
  const [state, formAction] = useActionState(sendBreachNoticeAction, { status: "idle" } as BreachNoticeState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-label="Breach notice">
      <CsrfField />
      <FormMessage state={state} />
      <TextField id="notice-subject" label="Subject" name="subject" required maxLength={200} defaultValue={v.subject ?? "Important security notice from {{shopName}}"} errors={e.subject} />
      <TextareaField
        id="notice-body"
        label="Message"
        name="body"
        required
        maxLength={10_000}
        hint="Placeholders: {{name}}, {{shopName}}, {{siteUrl}}. A blank line starts a new paragraph."
        defaultValue={v.body}
        errors={e.body}
      />
      <SelectField id="notice-cohort" label="Send to" name="cohort" options={cohorts} defaultValue={v.cohort} errors={e.cohort} />
      <div className="flex flex-wrap gap-3">
        <TextField id="notice-from" label="Orders from (UTC, for a window)" name="from" type="datetime-local" defaultValue={v.from} errors={e.from} />
        <TextField id="notice-to" label="Orders until (UTC)" name="to" type="datetime-local" defaultValue={v.to} errors={e.to} />
      </div>
      <TextareaField id="notice-emails" label="Addresses (for a list; commas or lines)" name="emails" defaultValue={v.emails} errors={e.emails} />
      <TextareaField id="notice-reason" label="Reason (recorded in the audit log)" name="reason" maxLength={500} defaultValue={v.reason} errors={e.reason} />
      {state.preview && (
        <section aria-label="Preview" className="rounded border border-neutral-300 bg-neutral-50 p-3">
          <p className="font-semibold">Subject: {state.preview.subject}</p>
          <pre className="whitespace-pre-wrap font-sans text-sm">{state.preview.text}</pre>
        </section>
      )}
      <div className="flex gap-3">
        <button type="submit" name="intent" value="preview" className={`${button} border border-brand-700 text-brand-700`}>
          Preview
        </button>
        <button type="submit" name="intent" value="send" className={`${button} bg-brand-700 text-white hover:bg-brand-800`}>
          Send notice
        </button>
      </div>
    </form>
  );
}
