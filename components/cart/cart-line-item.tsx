"use client";

import Link from "next/link";
import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { Price } from "@/components/price";
import { ProductImage } from "@/components/product-image";
import { initialActionState } from "@/lib/actions/action-state";
import { removeCartItemAction } from "@/lib/actions/cart/remove-cart-item";
import { updateCartItemAction } from "@/lib/actions/cart/update-cart-item";
import type { CustomerCartLineDTO } from "@/lib/dal/cart/cart";
import { QuantityField } from "./quantity-field";

const buttonClass = "inline-flex min-h-11 items-center rounded border border-neutral-400 px-3 font-medium hover:bg-neutral-50";

/** One cart line: its product, prices, any problem, and a form to change the quantity or remove it. */
export function CartLineItem({ line }: { line: CustomerCartLineDTO }) {
  const [updated, update] = useActionState(updateCartItemAction, initialActionState);
  const [removed, remove] = useActionState(removeCartItemAction, initialActionState);
  // An unpublished product's page is gone: its name is shown without a link to a 404.
  const linked = line.problem?.code !== "unavailable";
  // Two sizes of one shirt are two lines: screen readers hear which one a button is for.
  const label = line.variantTitle ? `${line.name} (${line.variantTitle})` : line.name;
  return (
    <li className="flex gap-3 border-b border-neutral-200 py-4 sm:gap-4">
      <ProductImage src={line.imagePath} alt="" size={96} layout="cartThumbnail" className="size-20 shrink-0 rounded sm:size-24" />
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <h2 className="font-semibold">
            {linked ? (
              <Link href={`/products/${line.slug}`} className="text-brand-700 hover:underline">
                {line.name}
              </Link>
            ) : (
              line.name
            )}
          </h2>
          <p className="font-semibold">
            <span className="sr-only">Line total: </span>
            <Price money={line.lineTotal} />
          </p>
        </div>
        {line.variantTitle && <p className="text-sm">{line.variantTitle}</p>}
        <p className="text-sm text-neutral-700">
          <Price money={line.unitPrice} /> each
        </p>
        {line.problem && <p className="text-sm font-medium text-danger-800">{line.problem.message}</p>}
        <FormMessage state={updated} />
        <FormMessage state={removed} />
        <form action={update} className="flex flex-wrap items-end gap-2" noValidate>
          <CsrfField />
          <input type="hidden" name="itemId" value={line.id} />
          <QuantityField
            id={`quantity-${line.id}`}
            label={
              <>
                Quantity<span className="sr-only"> of {label}</span>
              </>
            }
            max={line.maxQuantity}
            defaultValue={updated.values?.quantity ?? String(line.quantity)}
            errors={updated.fieldErrors?.quantity}
          />
          <button type="submit" className={buttonClass}>
            Update<span className="sr-only"> quantity of {label}</span>
          </button>
          <button type="submit" formAction={remove} className={buttonClass}>
            Remove<span className="sr-only"> {label}</span>
          </button>
        </form>
      </div>
    </li>
  );
}
