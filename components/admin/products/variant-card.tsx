import { Price } from "@/components/price";
import type { ActionState } from "@/lib/actions/action-state";
import { formatMoneyInput } from "@/lib/catalog/money-text";
import { variantTitle } from "@/lib/catalog/variant-title";
import type { StaffVariantDTO } from "@/lib/dal/catalog/staff-products-dto";
import { InventoryForm } from "./inventory-form";
import { VariantArchiveForm } from "./variant-archive-form";
import { VariantForm } from "./variant-form";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  variant: StaffVariantDTO;
  options: { name: string; values: string[] }[];
  /** Present when the viewer may edit products / adjust stock; the page binds the product id. */
  save?: FormAction;
  archive?: FormAction;
  adjust?: FormAction;
};

/** One variant on its product's admin page: its fields (editable with products:write), its stock and its status. */
export function VariantCard({ variant, options, save, archive, adjust }: Props) {
  const title = variantTitle(options, variant.optionValues) || "Default variant";
  return (
    <article aria-labelledby={`variant-${variant.id}`} className="flex flex-col gap-3 rounded border border-neutral-300 p-4">
      <h3 id={`variant-${variant.id}`} className="font-semibold">
        {variant.sku} · {title}
        {variant.archived && <span className="ml-2 rounded bg-neutral-200 px-2 py-0.5 text-sm font-normal">Archived</span>}
      </h3>
      {save ? (
        <VariantForm
          action={save}
          variantId={variant.id}
          options={options}
          currency={variant.price.currency}
          submitLabel="Save variant"
          initial={{
            sku: variant.sku,
            optionValues: variant.optionValues,
            price: formatMoneyInput(variant.price.amountMinor, variant.price.currency),
            compareAtPrice: variant.compareAtPrice ? formatMoneyInput(variant.compareAtPrice.amountMinor, variant.compareAtPrice.currency) : "",
            maxPerOrder: String(variant.maxPerOrder),
            weightGrams: String(variant.weightGrams),
          }}
        />
      ) : (
        <p>
          <Price money={variant.price} /> · at most {variant.maxPerOrder} per order · {variant.weightGrams} g
        </p>
      )}
      {adjust ? <InventoryForm action={adjust} variantId={variant.id} stock={variant.stock} /> : <p>In stock now: {variant.stock}</p>}
      {archive && <VariantArchiveForm action={archive} variantId={variant.id} archived={variant.archived} />}
    </article>
  );
}
