/**
 * A variant's option values with their option names, as carts, orders and
 * mail show them: "Size: M / Colour: Black". Empty for a product without options.
 */
export function variantTitle(options: readonly { name: string }[], optionValues: readonly string[]): string {
  return optionValues.map((value, index) => `${options[index]?.name ?? "Option"}: ${value}`).join(" / ");
}
