/**
 * The public rule for stock. The stock count is internal (schema.prisma):
 * customers see only what this rule derives from it, on every page, DTO and
 * message alike: "Out of stock", "Only N left" when N is at most
 * LOW_STOCK_THRESHOLD, and otherwise just "In stock". A larger count is never
 * shown, nor offered as a quantity field's limit. (A shopper can still probe
 * by asking for more, but only up to the product's per-order limit.)
 */
export const LOW_STOCK_THRESHOLD = 5;

export type StockAvailability = { status: "in_stock" } | { status: "low_stock"; unitsLeft: number } | { status: "out_of_stock" };

/** What a customer may know about `stock` units. */
export function stockAvailability(stock: number): StockAvailability {
  if (stock < 1) return { status: "out_of_stock" };
  if (stock <= LOW_STOCK_THRESHOLD) return { status: "low_stock", unitsLeft: stock };
  return { status: "in_stock" };
}

/** The most units a customer may be offered because of stock: the count itself only when it is low. */
export function publicStockLimit(stock: number): number {
  const availability = stockAvailability(stock);
  if (availability.status === "out_of_stock") return 0;
  return availability.status === "low_stock" ? availability.unitsLeft : Number.POSITIVE_INFINITY;
}

/**
 * The words for "you asked for more than we have", after `lead` (e.g. a
 * product's name): the count when it is low, never otherwise.
 */
export function notEnoughStock(stock: number, lead = ""): string {
  const availability = stockAvailability(stock);
  const subject = lead ? ` of ${lead}` : "";
  if (availability.status === "out_of_stock") return lead ? `${lead} is out of stock` : "Out of stock";
  if (availability.status === "low_stock") return `Only ${availability.unitsLeft}${subject} left`;
  return lead ? `Not that many of ${lead} are in stock` : "Not that many are in stock";
}
