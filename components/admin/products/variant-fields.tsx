import { TextField } from "@/components/forms/text-field";
import { moneyInputHint } from "@/lib/catalog/money-text";

/** A variant's fields as text (price as "24.99"; compare-at empty for none). */
export type VariantFieldValues = { sku: string; price: string; compareAtPrice: string; maxPerOrder: string; weightGrams: string };

export const blankVariant: VariantFieldValues = { sku: "", price: "", compareAtPrice: "", maxPerOrder: "10", weightGrams: "0" };

/**
 * The inputs every variant form has (new product, add and edit a variant).
 * `idPrefix` keeps ids unique when a page holds several of these forms.
 */
export function VariantFields({
  idPrefix,
  currency,
  value,
  errors,
}: {
  idPrefix: string;
  currency: string;
  value: (name: keyof VariantFieldValues) => string;
  errors: (name: string) => string[] | undefined;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <TextField id={id("sku")} label="SKU" name="sku" required maxLength={64} autoCapitalize="none" spellCheck={false} hint="Unique across the shop: letters, digits and - _ . /" defaultValue={value("sku")} errors={errors("sku")} />
      <TextField id={id("price")} label={`Price (${currency})`} name="price" required inputMode="decimal" maxLength={16} hint={moneyInputHint(currency)} defaultValue={value("price")} errors={errors("price")} />
      <TextField
        id={id("compareAtPrice")}
        label={`Compare-at price (${currency}, optional)`}
        name="compareAtPrice"
        inputMode="decimal"
        maxLength={16}
        hint="The earlier price, shown struck through; above the price, or empty."
        defaultValue={value("compareAtPrice")}
        errors={errors("compareAtPrice")}
      />
      <TextField id={id("maxPerOrder")} label="Most per order" name="maxPerOrder" required inputMode="numeric" maxLength={3} hint="How many one order may hold, from 1 to 999." defaultValue={value("maxPerOrder")} errors={errors("maxPerOrder")} />
      <TextField id={id("weightGrams")} label="Weight (grams)" name="weightGrams" required inputMode="numeric" maxLength={7} hint="One unit, packed: shipping rates by weight band use it." defaultValue={value("weightGrams")} errors={errors("weightGrams")} />
    </>
  );
}
