"use client";

import Link from "next/link";
import { useActionState, useEffect } from "react";
import { useShopper } from "@/components/shopper/shopper-provider";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { addToCartAction } from "@/lib/actions/cart/add-to-cart";
import type { PublicPurchaseOptionsDTO } from "@/lib/dal/cart/cart";
import { QuantityField } from "./quantity-field";

/** "Add to cart" on a product page; works without JavaScript too (a plain form post). */
export function AddToCartForm({ productId, maxQuantity }: PublicPurchaseOptionsDTO) {
  const [state, formAction] = useActionState(addToCartAction, initialActionState);
  const { refresh } = useShopper();
  // The header's cart count comes from the visitor's island: a product page is shared, not rendered again.
  useEffect(() => {
    if (state.status === "success") refresh();
  }, [state, refresh]);
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <CsrfField />
      <input type="hidden" name="productId" value={productId} />
      <div className="flex flex-wrap items-end gap-3">
        <QuantityField
          id="add-to-cart-quantity"
          label="Quantity"
          max={maxQuantity}
          defaultValue={state.values?.quantity ?? "1"}
          errors={state.fieldErrors?.quantity}
        />
        <SubmitButton pendingText="Adding…">Add to cart</SubmitButton>
      </div>
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
