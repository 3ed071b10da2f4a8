"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { useShopper } from "@/components/shopper/shopper-provider";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { addToCartAction } from "@/lib/actions/cart/add-to-cart";
import { initialChoice, variantFor } from "@/lib/catalog/variant-picker";
import type { PublicProductPageDTO } from "@/lib/dal/catalog/dto";
import { OptionGroup } from "./option-group";
import { QuantityField } from "./quantity-field";
import { VariantOffer } from "./variant-offer";

type Props = { productId: string } & Pick<PublicProductPageDTO, "options" | "variants">;

/**
 * The product page's offer: a radio group per option, the chosen variant's
 * price and availability, and "Add to cart". Works without JavaScript too (a
 * plain form post of the chosen values; the server finds the variant).
 */
export function AddToCartForm({ productId, options, variants }: Props) {
  const [state, formAction] = useActionState(addToCartAction, initialActionState);
  const { refresh } = useShopper();
  const posted = [state.values?.option1, state.values?.option2, state.values?.option3];
  const [choice, setChoice] = useState(() => initialChoice(variants, posted));
  const variant = variantFor(variants, choice);
  const buyable = (variant?.maxQuantity ?? 0) > 0;
  // The header's cart count comes from the visitor's island: a product page is shared, not rendered again.
  useEffect(() => {
    if (state.status === "success") refresh();
  }, [state, refresh]);
  const choose = (index: number, value: string) => setChoice((current) => current.map((old, i) => (i === index ? value : old)));
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <input type="hidden" name="productId" value={productId} />
      <VariantOffer variant={variant} />
      {options.map((option, index) => (
        <OptionGroup
          key={option.name}
          name={`option${index + 1}`}
          label={option.name}
          values={option.values}
          chosen={choice[index]}
          onChoose={(value) => choose(index, value)}
        />
      ))}
      {variants.some((candidate) => candidate.maxQuantity > 0) && (
        <div className="flex flex-wrap items-end gap-3">
          <QuantityField
            id="add-to-cart-quantity"
            label="Quantity"
            max={variant?.maxQuantity ?? 1}
            defaultValue={state.values?.quantity ?? "1"}
            errors={state.fieldErrors?.quantity}
          />
          <SubmitButton pendingText="Adding…" disabled={!buyable}>
            Add to cart
          </SubmitButton>
        </div>
      )}
      {state.status === "success" ? (
        <p role="status" className="rounded border border-success-300 bg-success-50 px-3 py-2 text-success-900">
          {state.message}{" "}
          <Link href="/cart" prefetch={false} className="font-medium underline">
            View your cart
          </Link>
        </p>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}
