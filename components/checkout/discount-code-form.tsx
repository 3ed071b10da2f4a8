"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Price } from "@/components/price";
import { initialActionState } from "@/lib/actions/action-state";
import { applyDiscountCodeAction } from "@/lib/actions/discounts/apply-discount-code";
import { removeDiscountCodeAction } from "@/lib/actions/discounts/remove-discount-code";
import type { CustomerCheckoutSummaryDTO } from "@/lib/dal/orders/checkout";
import { discountRefusalMessage } from "@/lib/discounts/discount-messages";

type Props = { discount: CustomerCheckoutSummaryDTO["discount"] };

/**
 * The "Discount code" field beside the checkout totals. Its own forms (a form
 * cannot sit inside the order form): applying puts the code on the cart, and
 * the page's totals, computed on the server, then include it.
 */
export function DiscountCodeForm({ discount }: Props) {
  const [applied, apply] = useActionState(applyDiscountCodeAction, initialActionState);
  const [removed, remove] = useActionState(removeDiscountCodeAction, initialActionState);
  if (discount) {
    return (
      <form action={remove} className="flex flex-col gap-2 border-t border-neutral-200 pt-2" data-testid="applied-discount">
        <CsrfField />
        <p className="flex justify-between gap-2">
          <span>
            Discount code <strong>{discount.code}</strong>
          </span>
          {discount.problem === null && (
            <span>
              −<Price money={discount.amount} />
            </span>
          )}
        </p>
        {discount.problem && (
          <p role="alert" className="text-sm text-danger-800">
            {discountRefusalMessage(discount.problem)} Remove it to continue.
          </p>
        )}
        <button type="submit" className="min-h-11 self-start text-brand-700 underline">
          Remove code
        </button>
        <FormMessage state={removed} />
      </form>
    );
  }
  return (
    <form action={apply} className="flex flex-col gap-2 border-t border-neutral-200 pt-2" noValidate>
      <CsrfField />
      <FormMessage state={applied.status === "success" ? applied : { status: "idle" }} />
      <TextField
        label="Discount code"
        name="discountCode"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        defaultValue={applied.values?.discountCode ?? ""}
        errors={applied.fieldErrors?.discountCode ?? (applied.status === "error" && applied.message ? [applied.message] : undefined)}
      />
      <SubmitButton pendingText="Checking…">Apply</SubmitButton>
    </form>
  );
}
