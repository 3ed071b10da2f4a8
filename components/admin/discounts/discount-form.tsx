"use client";

import { useActionState, useState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import { formatMoneyInput } from "@/lib/catalog/money-text";

/** The form's fields as text, as the page loads them (amounts as "10.00", dates as YYYY-MM-DD). */
export type DiscountFormValues = {
  discountCode: string;
  kind: string;
  percentOff: string;
  amountOff: string;
  minSubtotal: string;
  startsOn: string;
  endsOn: string;
  totalLimit: string;
  perCustomerLimit: string;
  categoryIds: string;
};

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  categories: readonly { id: string; name: string }[];
  initial: DiscountFormValues;
  currency: string;
  submitLabel: string;
};

/** Creates or edits a discount code's rules; usage and the active switch are not among its fields. */
export function DiscountForm({ action, categories, initial, currency, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const value = (name: keyof DiscountFormValues) => state.values?.[name] ?? initial[name];
  const errors = (name: string) => state.fieldErrors?.[name];
  const [kind, setKind] = useState(value("kind") || "percentage");
  const chosen = new Set(value("categoryIds").split(",").filter(Boolean));
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <TextField
        label="Code"
        name="discountCode"
        required
        maxLength={32}
        autoCapitalize="characters"
        spellCheck={false}
        hint="What shoppers type, in any case: 3–32 letters, digits, dashes or underscores."
        defaultValue={value("discountCode")}
        errors={errors("discountCode")}
      />
      <SelectField
        label="Kind"
        name="kind"
        options={[
          { value: "percentage", label: "Percentage off" },
          { value: "fixed_amount", label: `Fixed amount off (${currency})` },
        ]}
        defaultValue={kind}
        onChange={(event) => setKind(event.target.value)}
        errors={errors("kind")}
      />
      {kind === "percentage" ? (
        <TextField label="Percentage off" name="percentOff" inputMode="numeric" maxLength={3} hint="A whole number from 1 to 100." defaultValue={value("percentOff")} errors={errors("percentOff")} />
      ) : (
        <TextField label={`Amount off (${currency})`} name="amountOff" inputMode="decimal" maxLength={16} hint={`For example ${formatMoneyInput(500, currency)}; never more than the eligible goods.`} defaultValue={value("amountOff")} errors={errors("amountOff")} />
      )}
      <TextField label={`Minimum subtotal (${currency}, optional)`} name="minSubtotal" inputMode="decimal" maxLength={16} defaultValue={value("minSubtotal")} errors={errors("minSubtotal")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Valid from (optional)" name="startsOn" type="date" hint="From the start of this day, UTC." defaultValue={value("startsOn")} errors={errors("startsOn")} />
        <TextField label="Valid until (optional)" name="endsOn" type="date" hint="Through the end of this day, UTC." defaultValue={value("endsOn")} errors={errors("endsOn")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Total uses (optional)" name="totalLimit" inputMode="numeric" maxLength={7} hint="Empty: no limit." defaultValue={value("totalLimit")} errors={errors("totalLimit")} />
        <TextField label="Uses per customer (optional)" name="perCustomerLimit" inputMode="numeric" maxLength={4} hint="Empty: no limit." defaultValue={value("perCustomerLimit")} errors={errors("perCustomerLimit")} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">Applies to</legend>
        <p className="text-sm text-neutral-700">No category ticked: the whole order&apos;s goods. Otherwise only goods of the ticked categories.</p>
        {errors("categoryIds") && <p className="text-sm text-danger-800">{errors("categoryIds")?.join(" ")}</p>}
        {categories.map((category) => (
          <label key={category.id} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="categoryIds" value={category.id} defaultChecked={chosen.has(category.id)} className="size-5" />
            {category.name}
          </label>
        ))}
      </fieldset>
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
