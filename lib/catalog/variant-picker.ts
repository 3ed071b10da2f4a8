/**
 * The product page's picker: which variant a set of chosen option values
 * names, and what to choose first. Pure, so the browser and the server agree.
 */
export type ChoosableVariant = { optionValues: string[]; maxQuantity: number };

export function variantFor<V extends ChoosableVariant>(variants: readonly V[], choice: readonly (string | undefined)[]): V | null {
  return variants.find((variant) => variant.optionValues.every((value, index) => choice[index] === value)) ?? null;
}

/** The values posted before (a refused add keeps the shopper's choice), else the first variant that can be bought, else the first. */
export function initialChoice(variants: readonly ChoosableVariant[], posted: readonly (string | undefined)[] = []): string[] {
  const again = variantFor(variants, posted);
  const first = again ?? variants.find((variant) => variant.maxQuantity > 0) ?? variants[0];
  return first ? [...first.optionValues] : [];
}
