import "server-only";

/** The columns of the catalog file, in the order the export writes them (an import takes them in any order). */
export const CATALOG_CSV_COLUMNS = [
  "product_slug",
  "product_name",
  "description",
  "category_slug",
  "published",
  "featured",
  "meta_title",
  "meta_description",
  "option1_name",
  "option1_value",
  "option2_name",
  "option2_value",
  "option3_name",
  "option3_value",
  "sku",
  "price",
  "compare_at_price",
  "stock",
  "weight_grams",
  "max_per_order",
] as const;

export type CatalogCsvColumn = (typeof CATALOG_CSV_COLUMNS)[number];

/** A product without a second or third option needs no columns for them; every other column is required. */
const OPTIONAL: ReadonlySet<string> = new Set(["option2_name", "option2_value", "option3_name", "option3_value"]);

/**
 * Reads the header row: each cell's column, or what is wrong with it (an
 * unknown or repeated column, a required one missing). Unknown columns are
 * refused rather than ignored: a typo would otherwise drop a field silently.
 */
export function readHeader(cells: string[]): { ok: true; columns: CatalogCsvColumn[] } | { ok: false; problems: { column: string; message: string }[] } {
  const known = new Set<string>(CATALOG_CSV_COLUMNS);
  const seen = new Set<string>();
  const problems: { column: string; message: string }[] = [];
  for (const raw of cells) {
    const cell = raw.trim();
    if (!known.has(cell)) problems.push({ column: cell.slice(0, 40), message: `Unknown column "${cell.slice(0, 40)}": the columns are ${CATALOG_CSV_COLUMNS.join(", ")}.` });
    else if (seen.has(cell)) problems.push({ column: cell, message: `The column "${cell}" appears twice.` });
    seen.add(cell);
  }
  const missing = CATALOG_CSV_COLUMNS.filter((column) => !seen.has(column) && !OPTIONAL.has(column));
  if (missing.length > 0) problems.push({ column: missing[0] ?? "", message: `Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.` });
  return problems.length ? { ok: false, problems } : { ok: true, columns: cells.map((cell) => cell.trim() as CatalogCsvColumn) };
}
